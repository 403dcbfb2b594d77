import type { AwaitQuitResult } from './backup-bridge-contract';

/** How long the app waits for the quit backup before closing anyway. */
export const quitBackupTimeoutMs = 2 * 60_000;

/**
 * The backup "when the desktop app quits", without main ever reaching into
 * the page: the renderer asks `awaitQuit()` (a call that stays pending), and
 * when the person quits, main defers the quit once, answers that call, and
 * closes when the renderer says `quitReady()` — or after two minutes,
 * whatever the page does. A renderer that never asked, or crashed, never
 * holds the quit.
 *
 * @example
 * app.on('before-quit', (event) => { if (coordinator.quitRequested(() => app.quit())) event.preventDefault(); });
 */
export class QuitBackupCoordinator {
  private waiters: ((result: AwaitQuitResult) => void)[] = [];
  private phase: 'running' | 'backing-up' | 'may-quit' = 'running';
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly timers: { set: (run: () => void, ms: number) => ReturnType<typeof setTimeout>; clear: (timer: ReturnType<typeof setTimeout>) => void } = { set: setTimeout, clear: clearTimeout }) {}

  /** The renderer's pending question "tell me when we quit". */
  awaitQuit(): Promise<AwaitQuitResult> {
    if (this.phase !== 'running') return Promise.resolve({ outcome: 'quitting' });
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Called on every quit attempt; true when this one must be deferred (the
   * caller prevents it) while the renderer backs up.
   */
  quitRequested(quitNow: () => void, timeoutMs = quitBackupTimeoutMs): boolean {
    if (this.phase === 'may-quit') return false;
    if (this.phase === 'backing-up') return true;
    const waiters = this.waiters.splice(0);
    if (waiters.length === 0) return false;
    this.phase = 'backing-up';
    this.timer = this.timers.set(() => this.release(quitNow), timeoutMs);
    for (const resolve of waiters) resolve({ outcome: 'quitting' });
    return true;
  }

  /** The renderer's "done": the app quits now. */
  ready(quitNow: () => void): void {
    if (this.phase === 'backing-up') this.release(quitNow);
  }

  private release(quitNow: () => void): void {
    if (this.timer) this.timers.clear(this.timer);
    this.timer = null;
    this.phase = 'may-quit';
    quitNow();
  }
}
