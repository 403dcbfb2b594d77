import { z } from 'zod';
import { ValidationError, type ValidationCode } from '../validation';

/**
 * Every intent the audit log records. A closed list: a new intent is a
 * deliberate, reviewed change (stored entries and exports carry these names,
 * so never rename one). Views, prints and exports are here because ONC
 * (45 CFR 170.210(e), ASTM E2147) counts them as actions on patient data.
 *
 * @example auditActions.includes('PATIENT_VIEWED') // true
 */
export const auditActions = [
  'APPOINTMENT_BOOKED',
  'APPOINTMENT_EDITED',
  'APPOINTMENT_MOVED',
  'APPOINTMENT_CANCELLED',
  'SERIES_CREATED',
  'SERIES_EDITED',
  'SERIES_SPLIT',
  'OCCURRENCE_MOVED',
  'OCCURRENCE_CANCELLED',
  'STATUS_CHANGED',
  'STATUS_UNDONE',
  'CONFLICT_OVERRIDDEN',
  'CONFLICT_DETECTED',
  'CONFLICT_RESOLVED',
  'PATIENT_REGISTERED',
  'PATIENT_UPDATED',
  'PATIENT_VIEWED',
  'RESOURCE_SAVED',
  'AVAILABILITY_SAVED',
  'CLOSURE_SAVED',
  'STAFF_SAVED',
  'STAFF_SIGNED_IN',
  'STAFF_SIGNED_OUT',
  'SIGN_IN_FAILED',
  'SESSION_LOCKED',
  'AUDIT_EXPORTED',
  'AUDIT_CHAIN_BROKEN',
  'DAY_SHEET_PRINTED',
  'CALENDAR_FILE_EXPORTED',
  'PATIENT_FILE_EXPORTED',
  'CLINIC_CREATED',
  'CLINIC_SETTINGS_SAVED',
  'AVAILABILITY_REMOVED',
  'CLOSURE_REMOVED',
  'SERIES_CANCELLED',
  'BACKUP_CREATED',
  'BACKUP_RESTORED',
  'BACKUP_PASSPHRASE_SET',
  'SCHEDULE_BLOCK_SAVED',
  'SCHEDULE_BLOCK_ENDED',
  'SCHEDULE_BLOCK_REMOVED',
  'CONFIRMATION_SET',
  'CONFIRMATION_UNDONE',
  'WAITLIST_ADDED',
  'WAITLIST_UPDATED',
  'WAITLIST_OFFERED',
  'WAITLIST_DECLINED',
  'WAITLIST_BOOKED',
  'WAITLIST_REMOVED',
  'CONTACT_CONSENT_SET',
  'CLINIC_JOINED',
  'STAFF_RENAMED_ON_SYNC',
  'DOWNTIME_PACK_WRITTEN',
] as const;

/** One of {@link auditActions}. */
export type AuditAction = (typeof auditActions)[number];

/**
 * Whether the attempted action happened (`success`), was turned away at
 * sign-in or export for lack of the right (`denied`), failed (`error`), or was
 * a staff member's command the app refused (`refused`: a double booking, a bad
 * field, a role that may not do it), recorded with the reason codes and
 * nothing else of the attempt stored (core/commands refusal-audit.ts).
 *
 * @example auditOutcomes.includes('denied') // true
 */
export const auditOutcomes = ['success', 'denied', 'error', 'refused'] as const;

/** One of {@link auditOutcomes}. */
export type AuditOutcome = (typeof auditOutcomes)[number];

/**
 * The `prevHash` of the first entry of every device's chain: 64 zeros.
 *
 * @example appendEntry(null, draft).prevHash === GENESIS_HASH // true
 */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The role a system actor reports in exports (`actor_role` column). Staff roles
 * may not use it, so a CSV row maps back to exactly one actor shape.
 *
 * @example entryToCells({ ...entry, actor: { kind: 'system', systemId: 'sync', displayName: 'Sync' } })[7] // 'system'
 */
export const SYSTEM_ROLE = 'system';

// Optional text is null, never '', so an empty CSV cell maps back to exactly one value.
const text = (max: number) => z.string().min(1).max(max);
const hashHex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash in lower-case hex (64 characters)');

/**
 * A UTC instant exactly as `Date.prototype.toISOString` writes it
 * (`2026-03-09T14:05:00.000Z`). One fixed shape makes instants sort and
 * compare as plain strings, which the export filters rely on.
 */
const utcInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'a UTC instant like 2026-03-09T14:05:00.000Z')
  .refine((value) => {
    const time = Date.parse(value);
    return Number.isFinite(time) && new Date(time).toISOString() === value;
  }, 'a real calendar instant');

const staffActorSchema = z.object({
  kind: z.literal('staff'),
  staffId: text(100),
  displayName: text(200),
  role: text(50).refine((role) => role !== SYSTEM_ROLE, `"${SYSTEM_ROLE}" is reserved for system actors`),
});

const systemActorSchema = z.object({
  kind: z.literal('system'),
  /** Which part of the app acted, e.g. `sync`, `startup-integrity-check`. */
  systemId: text(100),
  displayName: text(200),
});

/**
 * Who acted: a signed-in staff member, or the app itself (sync, the startup
 * integrity check) for entries no person caused.
 *
 * @example auditActorSchema.parse({ kind: 'system', systemId: 'sync', displayName: 'Sync' })
 */
export const auditActorSchema = z.discriminatedUnion('kind', [staffActorSchema, systemActorSchema]);

/** Who acted; see {@link auditActorSchema}. */
export type AuditActor = z.infer<typeof auditActorSchema>;

/**
 * One field's change. `before` is null for a field that did not exist yet,
 * `after` null for one that was cleared. Values are plain JSON.
 */
const fieldChangeSchema = z.object({ before: z.json(), after: z.json() });

/**
 * Field-level changes keyed by field name. Field names come from code, not
 * users, so they are identifiers (which also keeps `__proto__` out).
 */
const changesSchema = z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_.]{0,99}$/, 'a field name like start or patient.phone'), fieldChangeSchema);

/**
 * What a caller supplies to {@link appendEntry}: everything except seq and the hashes.
 *
 * @example auditDraftSchema.safeParse({ ...draft, outcome: 'maybe' }).success // false
 */
export const auditDraftSchema = z.object({
  id: text(100),
  deviceId: text(100),
  appVersion: text(50),
  at: utcInstant,
  actor: auditActorSchema,
  action: z.enum(auditActions),
  /** kebab-case kind of record acted on: `appointment`, `patient`, `day-sheet`, `audit-log`… */
  entityType: z.string().regex(/^[a-z][a-z0-9-]{0,49}$/, 'a kebab-case entity type like appointment'),
  entityId: text(200),
  patientId: text(100).nullable(),
  changes: changesSchema,
  reason: text(2000).nullable(),
  outcome: z.enum(auditOutcomes),
  mutationId: text(100).nullable(),
});

/**
 * One tamper-evident audit log entry. `seq` counts from 1 per device without
 * gaps; `hash = SHA-256(prevHash ‖ canonicalJSON(entry without hash))`
 * (see chain.ts and the folder README for a worked example).
 *
 * @example auditEntrySchema.parse(entry).seq // 1
 */
export const auditEntrySchema = auditDraftSchema.extend({
  seq: z.number().int().min(1),
  prevHash: hashHex,
  hash: hashHex,
});

/** What a caller supplies to {@link appendEntry}. */
export type AuditDraft = z.infer<typeof auditDraftSchema>;

/** One entry of the audit log; see {@link auditEntrySchema}. */
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** An entry before its own hash is known: the exact object that is hashed. */
export type UnhashedAuditEntry = Omit<AuditEntry, 'hash'>;

/**
 * Checks a draft at the edge and returns a clean copy holding only known
 * fields; throws a {@link ValidationError} naming the first bad field.
 *
 * @example parseAuditDraft({ ...draft, at: 'yesterday' }) // throws ValidationError('invalid-format', 'at', …)
 */
export function parseAuditDraft(input: unknown): AuditDraft {
  const draft = parseOrThrow(auditDraftSchema, input);
  const broken = findLoneSurrogate(draft, '');
  if (broken !== undefined) {
    throw new ValidationError('invalid-format', broken, `Audit entry field "${broken}" holds a broken character (a lone UTF-16 surrogate) that cannot be hashed.`);
  }
  return draft;
}

/**
 * Checks a stored or imported entry's shape (not its hash; see verifyAuditChain).
 *
 * @example parseAuditEntry(JSON.parse(line)).hash.length // 64
 */
export function parseAuditEntry(input: unknown): AuditEntry {
  return parseOrThrow(auditEntrySchema, input);
}

function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue ? issue.path.map(String).join('.') : '';
  let code: ValidationCode = 'invalid-format';
  if (issue && valueAt(input, issue.path) === undefined) code = 'required';
  else if (issue?.code === 'too_big' && issue.origin === 'string') code = 'too-long';
  else if (issue?.code === 'too_small' && issue.origin === 'string') code = 'required';
  throw new ValidationError(code, field, `Audit entry field "${field}": ${issue?.message ?? 'invalid'}.`);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

// A lone surrogate (e.g. half an emoji cut by a paste) has no UTF-8 form, so
// RFC 8785 refuses it; name the field instead of failing inside the hash.
const loneSurrogate = /\p{Cs}/u;

function findLoneSurrogate(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return loneSurrogate.test(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path === '' ? key : `${path}.${key}`;
    if (loneSurrogate.test(key)) return childPath;
    const found = findLoneSurrogate(child, childPath);
    if (found !== undefined) return found;
  }
  return undefined;
}
