import { useEffect, useState } from 'react';

/** How long an input must stay still before its dry run runs: typing a time never starts one per key. */
export const settleDelayMs = 200;

/**
 * `value` once it has not changed for `delayMs` ('' until then), so a dry
 * run reads the store once per pause, not once per keystroke.
 *
 * @example const settled = useSettled(JSON.stringify(draft));
 */
export function useSettled(value: string, delayMs = settleDelayMs): string {
  const [settled, setSettled] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
