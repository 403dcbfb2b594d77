import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/**
 * Whether the computer has a network connection (`navigator.onLine`). The
 * app works the same either way; this only tells the desk whether changes
 * can reach other desks yet (sync state joins it later).
 *
 * @example const online = useOnline();
 */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine);
}
