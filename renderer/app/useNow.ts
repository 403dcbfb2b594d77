import { useEffect, useState } from 'react';

/**
 * The current time as epoch ms, refreshed every `everyMs` (30 s by default:
 * enough for a now-line and "today" without burning a laptop's battery).
 *
 * @example const now = useNow();
 */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
