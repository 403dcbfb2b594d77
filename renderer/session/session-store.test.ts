import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useNotices } from '../notices/notice-store';
import { useSession } from './session-store';

const fran = { staffId: 's-fran', displayName: 'Fran', username: 'fran', role: 'front_desk' as const };
const max = { staffId: 's-max', displayName: 'Max', username: 'max', role: 'manager' as const };

describe('session store', () => {
  beforeEach(() => {
    useSession.getState().signOut();
    useSession.getState().signIn(fran);
  });

  it.each([
    ['locking', () => useSession.getState().lock()],
    ['signing out', () => useSession.getState().signOut()],
    ['another staff member signing in', () => useSession.getState().signIn(max)],
  ])('%s clears the last notice, so its patient name and Undo never reach the next person', (_, leave) => {
    const undo = vi.fn();
    useNotices.getState().show('Lise Meitner: Cancelled.', { undo });
    leave();
    expect(useNotices.getState().notice).toBeNull();
    expect(undo).not.toHaveBeenCalled();
  });

  it('keeps the staff member known while locked, and forgets them on sign-out', () => {
    useSession.getState().lock();
    expect(useSession.getState()).toMatchObject({ staff: fran, locked: true });
    useSession.getState().signOut();
    expect(useSession.getState()).toMatchObject({ staff: null, locked: false });
  });
});
