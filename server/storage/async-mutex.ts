/**
 * A FIFO async lock: `run(work)` starts `work` only after every earlier
 * `run` has settled. The SQLite adapter needs it because a write transaction
 * on its one connection spans awaits, and nothing else may touch the
 * connection meanwhile.
 *
 * @example
 * const mutex = new AsyncMutex();
 * await Promise.all([mutex.run(a), mutex.run(b)]); // b starts after a settles
 */
export class AsyncMutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    // The next caller waits for this one whether it succeeded or not.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
