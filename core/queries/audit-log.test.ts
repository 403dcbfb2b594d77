import { describe, expect, it } from 'vitest';
import { clinicFixture, frontDesk, manager } from '../commands/commands.fixture';
import { auditLog } from './audit-log';

describe('auditLog', () => {
  async function busyDay() {
    const fixture = await clinicFixture();
    const { must, clock } = fixture;
    for (let index = 0; index < 7; index += 1) {
      clock.now += 60_000;
      await must('patient/view', { patientId: index % 2 === 0 ? 'p1' : 'p2' }, index % 3 === 0 ? manager : frontDesk);
    }
    return fixture;
  }

  it('pages newest first without gaps or repeats', async () => {
    const { db } = await busyDay();
    const total = await db.audit.count();
    const seen: number[] = [];
    let page = await auditLog(db, { limit: 4 });
    seen.push(...page.entries.map((entry) => entry.seq));
    while (page.nextCursor) {
      page = await auditLog(db, { limit: 4, cursor: page.nextCursor });
      seen.push(...page.entries.map((entry) => entry.seq));
    }
    expect(seen).toHaveLength(total);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('filters by action, staff member, patient and time range together', async () => {
    const { db } = await busyDay();
    const views = await auditLog(db, { action: 'PATIENT_VIEWED' });
    expect(views.entries).toHaveLength(7);
    const byManager = await auditLog(db, { action: 'PATIENT_VIEWED', staffId: 'staff-manager' });
    expect(byManager.entries.map((entry) => entry.patientId)).toEqual(['p1', 'p2', 'p1']);
    const p2 = await auditLog(db, { patientId: 'p2', action: 'PATIENT_VIEWED', limit: 2 });
    expect(p2.entries.map((entry) => entry.at)).toEqual(['2026-01-02T12:06:00.000Z', '2026-01-02T12:04:00.000Z']);
    const next = await auditLog(db, { patientId: 'p2', action: 'PATIENT_VIEWED', limit: 2, cursor: p2.nextCursor });
    expect(next.entries.map((entry) => entry.at)).toEqual(['2026-01-02T12:02:00.000Z']);
    const window = await auditLog(db, { from: '2026-01-02T12:02:00.000Z', to: '2026-01-02T12:04:00.000Z' });
    expect(window.entries.map((entry) => entry.at)).toEqual(['2026-01-02T12:03:00.000Z', '2026-01-02T12:02:00.000Z']);
  });
});
