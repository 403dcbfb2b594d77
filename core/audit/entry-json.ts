import { canonicalJson } from './canonical-json';
import type { AuditActor, AuditEntry, UnhashedAuditEntry } from './entry';

// Most values need no escaping, and wrapping them in quotes is about twice as
// fast as JSON.stringify. Anything with a quote, backslash, control character
// or surrogate (emoji included) still goes through JSON.stringify, so the text
// is exactly what RFC 8785 prescribes.
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON must escape
const needsEscaping = /["\\\u0000-\u001f\ud800-\udfff]/;
const text = (value: string): string => (needsEscaping.test(value) ? JSON.stringify(value) : '"' + value + '"');
const nullable = (value: string | null): string => (value === null ? 'null' : text(value));

/**
 * RFC 8785 canonical JSON of an entry without its hash, written field by
 * field in the scheme's key order instead of sorting keys at run time: the
 * hash is computed for every entry written and every row verified, and this
 * is several times faster than the general canonicaliser. Its output is
 * tested to equal `canonicalJson(hashedBody(entry))` for any valid entry.
 * `changesJson` is used verbatim as the canonical JSON of `changes`: the
 * chain passes `canonicalChangesJson(entry.changes)`, the CSV verifier the
 * cell text, which the exporter wrote canonically (any other spelling of the
 * same JSON then fails the hash, as an edit to the file should).
 *
 * @example canonicalEntryJson(entry, canonicalChangesJson(entry.changes)).startsWith('{"action":"APPOINTMENT_BOOKED","actor":{"displayName":') // true
 */
export function canonicalEntryJson(entry: Omit<UnhashedAuditEntry, 'changes'>, changesJson: string): string {
  // Keys in UTF-16 code-unit order, as RFC 8785 §3.2.3 sorts them.
  return (
    '{"action":' + text(entry.action) +
    ',"actor":' + actorJson(entry.actor) +
    ',"appVersion":' + text(entry.appVersion) +
    ',"at":' + text(entry.at) +
    ',"changes":' + changesJson +
    ',"deviceId":' + text(entry.deviceId) +
    ',"entityId":' + text(entry.entityId) +
    ',"entityType":' + text(entry.entityType) +
    ',"id":' + text(entry.id) +
    ',"mutationId":' + nullable(entry.mutationId) +
    ',"outcome":' + text(entry.outcome) +
    ',"patientId":' + nullable(entry.patientId) +
    ',"prevHash":' + text(entry.prevHash) +
    ',"reason":' + nullable(entry.reason) +
    ',"seq":' + JSON.stringify(entry.seq) +
    '}'
  );
}

function actorJson(actor: AuditActor): string {
  return actor.kind === 'staff'
    ? '{"displayName":' + text(actor.displayName) + ',"kind":"staff","role":' + text(actor.role) + ',"staffId":' + text(actor.staffId) + '}'
    : '{"displayName":' + text(actor.displayName) + ',"kind":"system","systemId":' + text(actor.systemId) + '}';
}

/**
 * RFC 8785 canonical JSON of an entry's `changes`, equal to
 * `canonicalJson(changes)` but without the general canonicaliser's per-value
 * work for the usual case (scalar before/after values); nested values still
 * go through `canonicalJson`. Runs once per exported row and per hashed entry.
 *
 * @example canonicalChangesJson({ start: { before: null, after: '09:30' } }) // '{"start":{"after":"09:30","before":null}}'
 */
export function canonicalChangesJson(changes: AuditEntry['changes']): string {
  const fields = Object.keys(changes);
  if (fields.length === 0) return '{}';
  // Field names are identifiers (see entry.ts), so the default sort is code-unit order.
  fields.sort();
  let json = '{';
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as string;
    const change = changes[field];
    if (change === undefined) continue;
    json += (json.length > 1 ? ',' : '') + text(field) + ':';
    // Anything but a { before, after } pair of JSON values (unchecked input) takes the general path.
    json +=
      change !== null && typeof change === 'object' && change.after !== undefined && change.before !== undefined && Object.keys(change).length === 2
        ? '{"after":' + valueJson(change.after) + ',"before":' + valueJson(change.before) + '}'
        : canonicalJson(change);
  }
  return json + '}';
}

function valueJson(value: unknown): string {
  // JSON.stringify writes strings, finite numbers, booleans and null exactly as RFC 8785 does.
  if (typeof value === 'string') return text(value);
  return value !== null && typeof value === 'object' ? canonicalJson(value) : JSON.stringify(value);
}
