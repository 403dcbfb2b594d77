import { useEffect, useRef, useState } from 'react';
import type { Patient } from '../../core/model';
import type { TimedeskDb } from '../../core/db';
import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';

interface NameCache {
  db: TimedeskDb;
  /** Which patients-table version the cache holds (see below). */
  version: number;
  /** Patients read so far by id; null when no such patient is stored. */
  known: Map<string, Patient | null>;
}

/**
 * The patients with these ids, by id, live (for naming the patient on audit
 * rows); ids no longer stored are simply absent.
 *
 * The rows in view change every frame while the list scrolls, so patients
 * are cached: only ids not read yet are fetched, and the names on screen stay
 * put meanwhile. A live query over the patients table's keys empties the
 * cache whenever any patient is written (registered, renamed), which keeps
 * the names live. A live query per set of visible ids (one per frame) cost
 * a database transaction each and dropped frames (bench/front-desk).
 *
 * @example const patients = usePatientNames(['p1', 'p2']); patients.get('p1')?.familyName
 */
export function usePatientNames(ids: readonly string[]): ReadonlyMap<string, Patient> {
  const { db } = useAppData();
  const tableVersion = usePatientsTableVersion(db);
  const cache = useRef<NameCache | null>(null);
  if (cache.current === null || cache.current.db !== db || cache.current.version !== tableVersion) cache.current = { db, version: tableVersion, known: new Map() };
  const current = cache.current;
  const unique = [...new Set(ids)].sort();
  const missing = unique.filter((id) => !current.known.has(id));
  const [, setFetched] = useState(0);
  const missingKey = missing.join(',');

  useEffect(() => {
    if (missing.length === 0) return;
    let wanted = true;
    void db.patients.bulkGet(missing).then((rows) => {
      // A write to the patients table meanwhile started a new cache; these rows may be stale.
      if (cache.current !== current) return;
      missing.forEach((id, index) => current.known.set(id, rows[index] ?? null));
      if (wanted) setFetched((count) => count + 1);
    });
    return () => {
      wanted = false;
    };
    // missingKey names the ids; the array itself is new every render.
  }, [db, current, missingKey]);

  const names = new Map<string, Patient>();
  for (const id of unique) {
    const patient = current.known.get(id);
    if (patient) names.set(id, patient);
  }
  return names;
}

let versions = 0;

/** A number that changes whenever anything in the patients table is written (keys read only: cheap). */
function usePatientsTableVersion(db: TimedeskDb): number {
  const result = useLiveQuery('audit-patients-version', async () => {
    await db.patients.toCollection().primaryKeys();
    versions += 1;
    return versions;
  });
  return result.status === 'ready' ? result.value : 0;
}
