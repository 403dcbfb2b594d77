import type { Patient } from '../../core/model';
import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';

/**
 * The patients with these ids, by id, live (for naming the patient on audit
 * rows); ids no longer stored are simply absent.
 *
 * @example const patients = usePatientNames(['p1', 'p2']); patients.get('p1')?.familyName
 */
export function usePatientNames(ids: readonly string[]): ReadonlyMap<string, Patient> {
  const { db } = useAppData();
  const unique = [...new Set(ids)].sort();
  const result = useLiveQuery(`audit-patients:${unique.join(',')}`, async () => {
    const rows = await db.patients.bulkGet(unique);
    return new Map(rows.filter((row) => row !== undefined).map((row) => [row.id, row]));
  });
  return result.status === 'ready' ? result.value : new Map();
}
