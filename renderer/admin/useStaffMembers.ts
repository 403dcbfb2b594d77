import type { StaffMember } from '../../core/model';
import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';

/**
 * Every staff account, active or not, by name, live; `undefined` while it
 * loads. Public fields only: passphrase hashes live in another table.
 *
 * @example const staff = useStaffMembers() ?? [];
 */
export function useStaffMembers(): StaffMember[] | undefined {
  const { db } = useAppData();
  const result = useLiveQuery('admin-staff', async () => (await db.staff.toArray()).sort((left, right) => left.displayName.localeCompare(right.displayName)));
  return result.status === 'ready' ? result.value : undefined;
}
