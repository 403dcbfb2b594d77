import { computeEntryHash, sha256Hex } from './chain';
import { GENESIS_HASH, auditActions, type AuditEntry, type UnhashedAuditEntry } from './entry';

// The intents the sample cycles through: the first 33, as the list stood when tests were written
// against it, so adding an intent to auditActions does not reshuffle every sample-based test.
export const sampleActions = auditActions.slice(0, 33);

/** Options of {@link sampleAuditChain}. */
export interface SampleChainOptions {
  deviceId?: string;
  /** First instant; each entry is 37 s after the one before. Default 2026-01-05T08:00:00.000Z. */
  startMs?: number;
  hashText?: (text: string) => string;
}

// Display names and reasons a real front desk produces, including the ones
// that stress CSV and spreadsheets: commas, quotes, line breaks, right-to-left
// text, emoji and would-be formulas.
const names = ['Ana Souza', 'O\'Brien, Pat', 'محمد الأحمد', 'דנה לוי', 'Zoë "Z" Ng', '=HYPERLINK("http://x","y")', 'Li 李'];
const reasons = [null, 'patient called, moved to Friday', 'line one\r\nline two', '+cmd|\' /C calc\'!A0', '@SUM(1)', '-2+3', '  =1+2', '\tindented', 'running late 🏃'];
const roles = ['reception', 'practitioner', 'manager'];

/**
 * Entry `seq` of the sample chain, before hashing; {@link sampleAuditChain}
 * hashes and links these. Exposed so a benchmark can replay a chain whose
 * hashes it computed earlier, the way a database cursor returns stored entries.
 *
 * @example sampleAuditEntry(1, GENESIS_HASH).id // 'desk-1-e1'
 */
export function sampleAuditEntry(seq: number, prevHash: string, options: SampleChainOptions = {}): UnhashedAuditEntry {
  const deviceId = options.deviceId ?? 'desk-1';
  const startMs = options.startMs ?? Date.UTC(2026, 0, 5, 8);
  const staff = seq % 11 === 0 ? null : seq % names.length;
  const patient = seq % 3 === 0 ? null : `p-${seq % 997}`;
  return {
    seq,
    id: `${deviceId}-e${seq}`,
    deviceId,
    appVersion: '1.4.2',
    at: new Date(startMs + seq * 37_000).toISOString(),
    actor:
      staff === null
        ? { kind: 'system', systemId: 'sync', displayName: 'Sync' }
        : { kind: 'staff', staffId: `s-${staff}`, displayName: names[staff] as string, role: roles[seq % roles.length] as string },
    action: sampleActions[seq % sampleActions.length] as AuditEntry['action'],
    entityType: 'appointment',
    entityId: `a-${Math.floor(seq / 2)}`,
    patientId: patient,
    changes:
      seq % 4 === 0
        ? {}
        : { start: { before: new Date(startMs + seq * 60_000).toISOString(), after: new Date(startMs + seq * 90_000).toISOString() }, notes: { before: null, after: reasons[seq % reasons.length] ?? 'none' } },
    reason: reasons[seq % reasons.length] ?? null,
    outcome: seq % 50 === 0 ? 'denied' : 'success',
    mutationId: seq % 5 === 0 ? null : `m-${seq}`,
    prevHash,
  };
}

/**
 * A valid audit chain of `count` entries, built lazily (one entry in memory
 * at a time) with varied and hostile text, for tests, benchmarks and demos.
 * Entries are built directly, not through appendEntry's draft checks, so a
 * million of them are cheap; tests check that they pass the schema.
 *
 * @example [...sampleAuditChain(3)].map((entry) => entry.seq) // [1, 2, 3]
 */
export function* sampleAuditChain(count: number, options: SampleChainOptions = {}): Generator<AuditEntry> {
  const hashText = options.hashText ?? sha256Hex;
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const unhashed = sampleAuditEntry(seq, prevHash, options);
    const entry: AuditEntry = { ...unhashed, hash: computeEntryHash(unhashed, hashText) };
    prevHash = entry.hash;
    yield entry;
  }
}
