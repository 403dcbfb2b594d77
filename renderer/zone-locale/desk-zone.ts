/**
 * This computer's own IANA zone, as the platform reports it (the renderer
 * may read the host; the engine never does).
 *
 * @example deskZone() // 'America/New_York'
 */
export function deskZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Whether two zone names are the same zone (`Etc/UTC` and `UTC`, an alias and
 * its canonical name), as Intl resolves them.
 *
 * @example sameZone('UTC', 'Etc/UTC') // true
 */
export function sameZone(left: string, right: string): boolean {
  if (left === right) return true;
  const resolve = (zone: string) => {
    try {
      return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone.replace(/^Etc\/(UTC|GMT)$/, 'UTC');
    } catch {
      return zone;
    }
  };
  return resolve(left) === resolve(right);
}
