import { describe, expect, it } from 'vitest';
import { auditActions, auditDraftSchema } from '../audit';
import { clinicFixture, frontDesk, refusedEntries } from './commands.fixture';
import { attemptChanges, commandIntents, refusalCodes } from './refusal-audit';

describe('the audit of refused attempts', () => {
  it('names for every command an action and an entity type the audit log accepts', () => {
    for (const [name, intent] of Object.entries(commandIntents)) {
      if (intent === null) continue;
      expect(auditActions, name).toContain(intent.action);
      expect(auditDraftSchema.shape.entityType.safeParse(intent.entityType).success, `${name}: ${intent.entityType}`).toBe(true);
    }
  });

  it('keeps whom, where and when of an attempt, one level down too, and no free text; a value too long is left out, not cut', () => {
    const changes = attemptChanges({
      patientId: 'p1',
      resourceIds: ['dr-lee', 'room-1'],
      wallStart: '2026-03-08T02:30',
      timeZone: 'America/New_York',
      notes: 'Private: knee pain',
      reason: 'Patient asked',
      block: { resourceId: 'dr-lee', kind: 'blockout', label: 'Staff meeting', wallEnd: '2026-03-08T03:30' },
      id: 'x'.repeat(101),
    });
    expect(changes).toEqual({
      patientId: { before: null, after: 'p1' },
      resourceIds: { before: null, after: ['dr-lee', 'room-1'] },
      wallStart: { before: null, after: '2026-03-08T02:30' },
      timeZone: { before: null, after: 'America/New_York' },
      'block.resourceId': { before: null, after: 'dr-lee' },
      'block.kind': { before: null, after: 'blockout' },
      'block.wallEnd': { before: null, after: '2026-03-08T03:30' },
    });
    expect(attemptChanges('not an object')).toEqual({});
  });

  it('writes the reason as the refusal’s codes', () => {
    expect(refusalCodes({ code: 'too-long', field: 'notes', message: 'Notes: at most 2,000 characters.' })).toBe('too-long (notes)');
  });

  it('records a front desk’s refused rota change as the staff member’s attempt, storing nothing else', async () => {
    const { db, commands } = await clinicFixture();
    const blocks = await db.scheduleBlocks.toArray();
    const refused = await commands.run('schedule/end-block', { id: 'hours-dr-lee', lastDate: '2026-03-31', reason: 'New rota' }, frontDesk);
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
    expect(await db.scheduleBlocks.toArray()).toEqual(blocks);
    expect(await refusedEntries(db)).toMatchObject([
      {
        action: 'SCHEDULE_BLOCK_ENDED',
        entityType: 'schedule-block',
        entityId: 'hours-dr-lee',
        outcome: 'refused',
        actor: { staffId: frontDesk.staffId, role: 'front_desk' },
        changes: { id: { before: null, after: 'hours-dr-lee' }, lastDate: { before: null, after: '2026-03-31' } },
        mutationId: null,
      },
    ]);
    expect((await refusedEntries(db))[0]!.reason).toMatch(/^not-permitted \(/);
  });
});
