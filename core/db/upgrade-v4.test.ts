import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit';
import type { AuditEntry } from '../audit';
import type { AvailabilityRule, Resource } from '../model';
import { availability, mergeSpans, subtractSpans } from '../schedule';
import { wallTimeToInstant } from '../time';
import { freshStorage } from './fake-database.fixture';
import { openTimedeskDb } from './open-database';
import { currentSchemaVersion, v3Stores } from './schema';

/**
 * A desk database made by the release before schedule blocks (schema v3,
 * commit 2fd4fbe, through its own commands: core/db/fixtures/README.md) —
 * weekday rules in four zones, breaks, an `until 24:00` and a removed rule,
 * and every change still queued in the outbox, as on a desk that never synced.
 */
const fixture = JSON.parse(readFileSync(new URL('./fixtures/v3-desk.json', import.meta.url), 'utf8')) as { schemaVersion: number; tables: Record<string, unknown[]> };
const rules = fixture.tables['availability'] as AvailabilityRule[];
const resources = fixture.tables['resources'] as Resource[];

async function openedFixture() {
  const storage = freshStorage();
  const v3 = new Dexie(storage.name, { indexedDB: storage.indexedDB, IDBKeyRange: storage.IDBKeyRange });
  v3.version(1).stores({});
  v3.version(3).stores(v3Stores);
  await v3.open();
  await v3.transaction('rw', v3.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) if (rows.length > 0) await v3.table(table).bulkAdd(rows);
  });
  v3.close();
  return openTimedeskDb({ ...storage, appVersion: '0.2.0', now: Date.UTC(2026, 11, 1, 9) });
}

/** The hours a weekday rule set meant on one date, by hand: working rules of that weekday merged, minus its breaks, in the resource's zone. */
function meantHours(resourceId: string, date: string, timeZone: string): { start: number; end: number }[] {
  const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const span = (rule: AvailabilityRule) => ({
    start: wallTimeToInstant(`${date}T${rule.start}`, timeZone),
    end: wallTimeToInstant(rule.end === '24:00' ? `${next}T00:00` : `${date}T${rule.end}`, timeZone),
  });
  const own = rules.filter((rule) => rule.resourceId === resourceId && rule.weekday === weekday);
  return subtractSpans(mergeSpans(own.filter((rule) => rule.kind === 'working').map(span)), mergeSpans(own.filter((rule) => rule.kind === 'break').map(span)));
}

describe('upgrade v3 → v4 (weekday rules → schedule blocks), from a database the v3 release made', () => {
  it('turns every weekday rule into a block with the same id and keeps every rule’s hours on every date, DST days included', async () => {
    expect(fixture.schemaVersion).toBe(3);
    const { db } = await openedFixture();
    expect(db.verno).toBe(currentSchemaVersion);
    const blocks = await db.scheduleBlocks.toArray();
    expect(blocks.map((block) => block.id).sort()).toEqual(rules.map((rule) => rule.id).sort());
    expect(await db.table('availability').count()).toBe(0);
    const zones = new Map(resources.map((resource) => [resource.id, resource.timeZone]));
    for (const block of blocks) expect(block.timeZone).toBe(zones.get(block.resourceId));

    // Two weeks around New York's and London's spring changes, Sydney's autumn one, and a plain week in 2031.
    const dates = [
      ...Array.from({ length: 14 }, (_, day) => new Date(Date.UTC(2026, 2, 2 + day)).toISOString().slice(0, 10)),
      ...Array.from({ length: 14 }, (_, day) => new Date(Date.UTC(2026, 2, 23 + day)).toISOString().slice(0, 10)),
      ...Array.from({ length: 7 }, (_, day) => new Date(Date.UTC(2031, 5, 2 + day)).toISOString().slice(0, 10)),
    ];
    for (const resource of resources) {
      for (const date of dates) {
        const from = wallTimeToInstant(`${date}T00:00`, resource.timeZone);
        const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        const to = wallTimeToInstant(`${next}T00:00`, resource.timeZone);
        // The day's own hours plus whatever of the day before reaches in (a shift until 24:00 ends at this midnight).
        const got = availability(blocks, [], { from, to, clinicTimeZone: 'America/New_York' })
          .filter((span) => span.resourceId === resource.id)
          .map((span) => ({ start: Date.parse(span.start), end: Date.parse(span.end) }));
        const meant = mergeSpans([...meantHours(resource.id, date, resource.timeZone)]).map((span) => ({ start: Math.max(span.start, from), end: Math.min(span.end, to) })).filter((span) => span.start < span.end);
        expect(mergeSpans(got), `${resource.id} on ${date}`).toEqual(mergeSpans(meant));
      }
    }
  });

  it('rewrites queued mutations (a rule’s put and delete become the block’s) for the new server, and touches nothing else', async () => {
    const { db, device } = await openedFixture();
    const outbox = await db.outbox.orderBy('deviceSeq').toArray();
    const before = fixture.tables['outbox'] as { deviceSeq: number; name: string; effects: { entity: string; id: string; op: string }[] }[];
    expect(outbox.map((row) => [row.deviceSeq, row.name])).toEqual(before.map((row) => [row.deviceSeq, row.name]));
    expect(outbox.every((row) => row.schemaVersion === 4)).toBe(true);
    const effects = outbox.flatMap((row) => row.effects);
    expect(effects.some((effect) => (effect.entity as string) === 'availability')).toBe(false);
    expect(effects.filter((effect) => effect.entity === 'scheduleBlock' && effect.op === 'put')).toHaveLength(rules.length + 1);
    expect(effects.filter((effect) => effect.entity === 'scheduleBlock' && effect.op === 'delete')).toEqual([{ entity: 'scheduleBlock', id: 'lee-tmp', op: 'delete' }]);
    const queued = effects.find((effect) => effect.id === 'okafor-sat' && effect.op === 'put');
    expect(queued?.data).toEqual(await db.scheduleBlocks.get('okafor-sat'));
    // The audit log is untouched and still verifies; the device's counters are as they were.
    const audit = await db.audit.orderBy('[deviceId+seq]').toArray();
    expect(audit).toEqual(fixture.tables['audit'] as AuditEntry[]);
    expect(verifyAuditChain(audit).ok).toBe(true);
    expect(device).toMatchObject({ deviceSeq: 35, auditSeq: 35 });
    expect(await db.appointments.count()).toBe(1);
    expect(await db.series.count()).toBe(1);
  });
});
