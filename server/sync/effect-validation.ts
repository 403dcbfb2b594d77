import {
  ValidationError,
  parseAppointment,
  parseClosure,
  parsePatient,
  parseResource,
  parseSeries,
  parseSeriesException,
  parseStaffMember,
} from '../../core';
import { clinicRecordSchema, staffCredentialRecordSchema } from '../../core/sync/synced-records';
import { parseWith } from '../../core';
import { parseContactConsent, parseScheduleBlock, parseVisitConfirmation, parseWaitlistEntry } from '../../core';
import type { SyncEntity } from '../storage/storage';
import { parseConflictRecord } from './conflict-record';
import type { Effect } from './wire-schemas';

/** The core/model parser for each synced entity (one copy of the rules: the desk's). */
const parsers: Record<SyncEntity, (input: unknown) => object> = {
  appointment: parseAppointment,
  series: parseSeries,
  seriesException: parseSeriesException,
  patient: parsePatient,
  resource: parseResource,
  // The desk's own block parser (core/schedule): fields, combinations and whether the rule expands.
  scheduleBlock: parseScheduleBlock,
  waitlistEntry: parseWaitlistEntry,
  availability: refuseWeeklyRule,
  visitConfirmation: parseVisitConfirmation,
  // A patient's consent: the preferred channel must be allowed, an opt-out says why (core/model).
  contactConsent: parseContactConsent,
  closure: parseClosure,
  staff: parseStaffMember,
  conflict: parseConflictRecord,
  // The desk's own schemas (core/sync/synced-records.ts): settings checked as Settings → Clinic checks them;
  // credentials strictly (hash, salt, PBKDF2 parameters and nothing else).
  clinic: (input) => parseWith(clinicRecordSchema, input),
  staffCredential: parseCredentialRecord,
};

/** Weekday rules were replaced by schedule blocks (v4); only a desk that lost its upgrade could send one. */
function refuseWeeklyRule(): never {
  throw new ValidationError('not-permitted', '', 'Working hours are schedule blocks now (entity scheduleBlock); a weekday rule is no longer stored.');
}

/** A credential's extra key is named (`effects.0.data.passphrase`), not just "not valid": it may be a leak. */
function parseCredentialRecord(input: unknown): object {
  const extra = typeof input === 'object' && input !== null ? Object.keys(input).find((key) => !(key in staffCredentialRecordSchema.shape)) : undefined;
  if (extra !== undefined) throw new ValidationError('not-permitted', extra, 'A synced credential carries only id, algorithm, iterations, salt and hash.');
  return parseWith(staffCredentialRecordSchema, input);
}

// Staff records sync without secrets; a key that looks like one is refused
// rather than silently dropped, so a leaking client is noticed.
const credentialKey = /pass|hash|salt|secret|credential|token/i;

/** An effect whose record passed its core/model schema (normalised by it). */
export type CheckedEffect =
  | { entity: SyncEntity; id: string; op: 'put'; data: Record<string, unknown> }
  | { entity: SyncEntity; id: string; op: 'delete' };

/**
 * Checks every effect of a mutation with core/model's schemas and returns the
 * normalised records, or throws the first `ValidationError` with its field
 * inside the mutation (`effects.2.data.resourceIds.0`).
 *
 * @example checkEffects([{ entity: 'patient', id: 'p1', op: 'put', data: { id: 'p1', givenName: '' } }]) // throws required / effects.0.data.givenName
 */
export function checkEffects(effects: readonly Effect[]): CheckedEffect[] {
  return effects.map((effect, index) => {
    const at = `effects.${index}`;
    if (effect.op === 'delete') return { entity: effect.entity, id: effect.id, op: 'delete' };
    if (effect.data === undefined) throw new ValidationError('required', `${at}.data`, 'A put effect needs the full record in data.');
    if (effect.entity === 'staff') {
      const secret = Object.keys(effect.data).find((key) => credentialKey.test(key));
      if (secret !== undefined) throw new ValidationError('not-permitted', `${at}.data.${secret}`, 'Staff records sync without credentials.');
    }
    let data: Record<string, unknown>;
    try {
      data = parsers[effect.entity](effect.data) as Record<string, unknown>;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      throw new ValidationError(error.code, error.field ? `${at}.data.${error.field}` : `${at}.data`, error.message);
    }
    if (data['id'] !== effect.id) throw new ValidationError('invalid-format', `${at}.data.id`, `The record's id must equal the effect's id (${effect.id}).`);
    return { entity: effect.entity, id: effect.id, op: 'put', data };
  });
}
