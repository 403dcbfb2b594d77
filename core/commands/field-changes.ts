import type { FieldChange } from './define-command';

/**
 * Field-level before/after for the audit log: every top-level field whose
 * value differs (compared as JSON), with absent values as `null` so the entry
 * stays plain JSON. Bookkeeping fields are left out.
 *
 * @example
 * fieldChanges({ phone: '555 0101', email: 'a@b.c' }, { phone: '555 0199', email: 'a@b.c' })
 * // { phone: { before: '555 0101', after: '555 0199' } }
 */
export function fieldChanges(
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>> | null,
  ignore: readonly string[] = ['version', 'createdAt', 'updatedAt', 'day', 'statusHistory'],
): Record<string, FieldChange> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Record<string, FieldChange> = {};
  for (const key of [...keys].sort()) {
    if (ignore.includes(key)) continue;
    const previous = before?.[key] ?? null;
    const next = after?.[key] ?? null;
    if (JSON.stringify(previous) !== JSON.stringify(next)) changes[key] = { before: previous, after: next };
  }
  return changes;
}

/**
 * A record with some fields replaced, as the edit commands take them: a
 * value sets the field, `null` (or `undefined`) removes it. The result is
 * unchecked; parse it with the record's schema.
 *
 * @example withFieldChanges({ id: 'p1', phone: '555 0101' }, { phone: null, email: 'a@b.c' }) // { id: 'p1', email: 'a@b.c' }
 */
export function withFieldChanges(record: Readonly<Record<string, unknown>>, changes: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...record };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null || value === undefined) delete merged[field];
    else merged[field] = value;
  }
  return merged;
}
