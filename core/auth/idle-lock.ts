/**
 * The screen lock after a configurable idle time, with the clock injected so
 * tests (and the UI's one timer) decide what "now" is. Activity (`touch`)
 * pushes the deadline out; `check` reports the moment it passes, once.
 *
 * @example
 * const lock = new IdleLock(5, () => clock.now);
 * lock.touch();            // a key press
 * clock.now += 5 * 60_000;
 * lock.check();            // 'locked-now' → audit SESSION_LOCKED, show the lock screen
 * lock.check();            // 'locked'
 */
export class IdleLock {
  private lastActivity: number;
  private locked = false;

  constructor(
    private idleMinutes: number,
    private readonly now: () => number,
  ) {
    if (!(idleMinutes > 0)) throw new RangeError('Idle lock minutes must be positive.');
    this.lastActivity = now();
  }

  /** Records activity (key, click) while unlocked. */
  touch(): void {
    if (!this.locked) this.lastActivity = this.now();
  }

  /** Applies a new setting from the clinic settings. */
  setIdleMinutes(minutes: number): void {
    if (!(minutes > 0)) throw new RangeError('Idle lock minutes must be positive.');
    this.idleMinutes = minutes;
  }

  /** `'active'`, `'locked-now'` the first time the idle time has passed, then `'locked'`. */
  check(): 'active' | 'locked-now' | 'locked' {
    if (this.locked) return 'locked';
    if (this.now() - this.lastActivity < this.idleMinutes * 60_000) return 'active';
    this.locked = true;
    return 'locked-now';
  }

  /** Milliseconds until the lock, for scheduling the UI's next check. */
  msUntilLock(): number {
    return this.locked ? 0 : Math.max(0, this.lastActivity + this.idleMinutes * 60_000 - this.now());
  }

  /** After a successful sign-in on the lock screen. */
  unlock(): void {
    this.locked = false;
    this.lastActivity = this.now();
  }
}
