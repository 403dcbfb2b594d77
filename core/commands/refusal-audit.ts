import { z } from 'zod';
import type { AuditAction } from '../audit';
import { isConflictReport } from './command-result';
import type { CommandError } from './command-result';
import { defineCommand } from './define-command';
import type { FieldChange } from './define-command';
import type { CommandName } from './handlers';

/** What a command was trying to do: the action it records when it succeeds, and the kind of record. */
export interface CommandIntent {
  action: AuditAction;
  entityType: string;
}

/**
 * Every command's intent, for the audit entry of a refused attempt (an
 * intent-aware audit: who tried to book whom where, and why it was
 * refused). Typed over every command name, so a new command does not build
 * until it says what its refusal records. `null`: the app's own record of
 * something that already happened (a backup run), not a staff member's
 * attempt at a change.
 */
export const commandIntents = {
  'appointment/book': { action: 'APPOINTMENT_BOOKED', entityType: 'appointment' },
  'appointment/move': { action: 'APPOINTMENT_MOVED', entityType: 'appointment' },
  'appointment/edit': { action: 'APPOINTMENT_EDITED', entityType: 'appointment' },
  'appointment/cancel': { action: 'APPOINTMENT_CANCELLED', entityType: 'appointment' },
  'appointment/change-status': { action: 'STATUS_CHANGED', entityType: 'appointment' },
  'appointment/undo-status': { action: 'STATUS_UNDONE', entityType: 'appointment' },
  'series/create': { action: 'SERIES_CREATED', entityType: 'series' },
  'occurrence/edit': { action: 'OCCURRENCE_MOVED', entityType: 'series' },
  'occurrence/undo-move': { action: 'OCCURRENCE_MOVED', entityType: 'series' },
  'occurrence/cancel': { action: 'OCCURRENCE_CANCELLED', entityType: 'series' },
  'occurrence/change-status': { action: 'STATUS_CHANGED', entityType: 'series' },
  'series/edit-following': { action: 'SERIES_SPLIT', entityType: 'series' },
  'series/edit-all': { action: 'SERIES_EDITED', entityType: 'series' },
  'series/cancel-following': { action: 'SERIES_CANCELLED', entityType: 'series' },
  'series/cancel-all': { action: 'SERIES_CANCELLED', entityType: 'series' },
  'patient/register': { action: 'PATIENT_REGISTERED', entityType: 'patient' },
  'patient/update': { action: 'PATIENT_UPDATED', entityType: 'patient' },
  'patient/view': { action: 'PATIENT_VIEWED', entityType: 'patient' },
  'day-sheet/print': { action: 'DAY_SHEET_PRINTED', entityType: 'day-sheet' },
  'calendar-file/export': { action: 'CALENDAR_FILE_EXPORTED', entityType: 'calendar-file' },
  'patient-file/export': { action: 'PATIENT_FILE_EXPORTED', entityType: 'patient-file' },
  'downtime/pack': { action: 'DOWNTIME_PACK_WRITTEN', entityType: 'downtime-pack' },
  'resource/save': { action: 'RESOURCE_SAVED', entityType: 'resource' },
  'closure/save': { action: 'CLOSURE_SAVED', entityType: 'closure' },
  'closure/remove': { action: 'CLOSURE_REMOVED', entityType: 'closure' },
  'staff/save': { action: 'STAFF_SAVED', entityType: 'staff' },
  'staff/set-language': { action: 'STAFF_SAVED', entityType: 'staff' },
  'schedule/save-block': { action: 'SCHEDULE_BLOCK_SAVED', entityType: 'schedule-block' },
  'schedule/end-block': { action: 'SCHEDULE_BLOCK_ENDED', entityType: 'schedule-block' },
  'schedule/remove-block': { action: 'SCHEDULE_BLOCK_REMOVED', entityType: 'schedule-block' },
  'conflict/resolve': { action: 'CONFLICT_RESOLVED', entityType: 'conflict' },
  'clinic/save-settings': { action: 'CLINIC_SETTINGS_SAVED', entityType: 'clinic-settings' },
  'backup/set-passphrase': { action: 'BACKUP_PASSPHRASE_SET', entityType: 'backup-key' },
  'backup/record': null,
  'confirmation/set': { action: 'CONFIRMATION_SET', entityType: 'visit-confirmation' },
  'confirmation/undo': { action: 'CONFIRMATION_UNDONE', entityType: 'visit-confirmation' },
  'waitlist/add': { action: 'WAITLIST_ADDED', entityType: 'waitlist-entry' },
  'waitlist/update': { action: 'WAITLIST_UPDATED', entityType: 'waitlist-entry' },
  'waitlist/offer': { action: 'WAITLIST_OFFERED', entityType: 'waitlist-entry' },
  'waitlist/decline': { action: 'WAITLIST_DECLINED', entityType: 'waitlist-entry' },
  'waitlist/remove': { action: 'WAITLIST_REMOVED', entityType: 'waitlist-entry' },
  'waitlist/book': { action: 'WAITLIST_BOOKED', entityType: 'waitlist-entry' },
  'patient/set-consent': { action: 'CONTACT_CONSENT_SET', entityType: 'contact-consent' },
} as const satisfies Record<CommandName, CommandIntent | null>;

/**
 * The parts of an attempt worth keeping — whom, where, when, which record,
 * which change — and nothing else: no free text (reasons, notes, names,
 * labels), which the refused command never stored either. Looked up in the
 * arguments and one level down (`block`, `visit`, `changes`, and the
 * waitlist's `request`, `slot` and `booking`).
 */
const attemptKeys = [
  'appointmentId',
  'seriesId',
  'originalStart',
  'fromOriginalStart',
  'patientId',
  'resourceIds',
  'resourceId',
  'wallStart',
  'wallEnd',
  'dtstart',
  'timeZone',
  'durationMinutes',
  'rrule',
  'to',
  'conflictId',
  'action',
  'date',
  'startDate',
  'endDate',
  'lastDate',
  'kind',
  'role',
  'id',
  'providers',
  'priority',
  'start',
  'end',
  'providerId',
  'roomId',
] as const;

/** Which argument names the record the attempt was about, in order of preference. */
const entityKeys = ['appointmentId', 'seriesId', 'conflictId', 'id', 'patientId', 'resourceId'] as const;

const nestedKeys = ['block', 'visit', 'changes', 'request', 'slot', 'booking'] as const;

function shortValue(value: unknown): unknown {
  if (typeof value === 'string') return value.length <= 100 ? value : undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.length <= 20 && value.every((item) => typeof item === 'string' && item.length <= 100)) return value;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The attempt's where/when/whom as audit changes (before `null`: nothing
 * was stored), from the arguments as typed, bad ones included — a value
 * too long or of no plain type is left out rather than cut.
 *
 * @example attemptChanges({ resourceIds: ['dr-lee'], wallStart: '2026-01-05T09:00', notes: 'private' }) // { resourceIds: { before: null, after: ['dr-lee'] }, wallStart: … }
 */
export function attemptChanges(input: unknown): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  if (!isRecord(input)) return changes;
  const pick = (source: Record<string, unknown>, prefix: string) => {
    for (const key of attemptKeys) {
      const value = shortValue(source[key]);
      if (value !== undefined) changes[`${prefix}${key}`] = { before: null, after: value };
    }
  };
  pick(input, '');
  for (const nested of nestedKeys) {
    const inner = input[nested];
    if (isRecord(inner)) pick(inner, `${nested}.`);
  }
  return changes;
}

/**
 * The reason codes of a refusal, as the audit entry's reason: a booking
 * conflict lists each conflict's kind (and resource), a bad field its code
 * and field.
 *
 * @example refusalCodes({ code: 'too-long', field: 'notes', message: '…' }) // 'too-long (notes)'
 * @example refusalCodes({ code: 'booking-conflict', hard: [{ kind: 'resource-double-booked', resourceId: 'dr-lee', … }], … }) // 'booking-conflict: resource-double-booked (dr-lee)'
 */
export function refusalCodes(error: CommandError): string {
  if (!isConflictReport(error)) return `${error.code} (${error.field})`;
  const kinds = [...new Set(error.hard.map((conflict) => (conflict.resourceId ? `${conflict.kind} (${conflict.resourceId})` : conflict.kind)))];
  return `booking-conflict: ${kinds.join(', ')}`;
}

function attemptEntity(input: unknown): { entityId: string | null; patientId: string | null } {
  if (!isRecord(input)) return { entityId: null, patientId: null };
  const sources = [input, ...nestedKeys.map((key) => input[key]).filter(isRecord)];
  const find = (keys: readonly string[]) => {
    for (const source of sources) {
      for (const key of keys) {
        const value = source[key];
        if (typeof value === 'string' && value.length > 0 && value.length <= 100) return value;
      }
    }
    return null;
  };
  return { entityId: find(entityKeys), patientId: find(['patientId']) };
}

/**
 * What a refused attempt leaves in the audit log: the intended action with
 * outcome `refused`, the attempt's where/when/whom as changes, the patient,
 * and the reason codes. Run in its own transaction after the refused
 * command's rolled back; nothing but this entry is stored, and it queues no
 * outbox mutation (it travels to the server with the audit chain, like a
 * printed day sheet's entry).
 *
 * @example await runCommand(env, 'audit/record-refusal', recordRefusal, { command: 'appointment/book', intent, input, error }, session)
 */
export const recordRefusal = defineCommand({
  args: z.object({
    command: z.string(),
    intent: z.custom<CommandIntent>(),
    input: z.unknown(),
    error: z.custom<CommandError>(),
  }),
  sync: false,
  async run(scope, args) {
    const { entityId, patientId } = attemptEntity(args.input);
    scope.audit({
      action: args.intent.action,
      entityType: args.intent.entityType,
      entityId: entityId ?? args.command,
      patientId,
      changes: attemptChanges(args.input),
      reason: refusalCodes(args.error),
      outcome: 'refused',
    });
    return { ok: true, value: null };
  },
});
