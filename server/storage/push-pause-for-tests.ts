import type { Storage, WriteTransaction } from './storage';

/** What {@link pauseAfterFirstMutation} needs: how long to hold, and whom to tell. */
export interface PushPauseOptions {
  pauseMs: number;
  /** Called once the first mutation of a push is written and the transaction is held open. */
  onPause: (info: { clinicId: string; deviceId: string; pauseMs: number }) => void;
}

/**
 * TEST-ONLY. Wraps a store so every write transaction, after its first
 * savepoint (a push's first mutation) is released, waits `pauseMs` before
 * going on — still inside the open transaction. The process test kills the
 * server during that wait to prove a push is all-or-nothing. main.ts only
 * installs it when config.ts lets `TIMEDESK_TEST_PUSH_PAUSE_MS` through,
 * which it does only under NODE_ENV=test (and refuses to start otherwise).
 *
 * @example
 * const storage = pauseAfterFirstMutation(await openSqliteStorage({ path }), { pauseMs: 30_000, onPause: (info) => log.info(info, 'push paused') });
 */
export function pauseAfterFirstMutation(storage: Storage, options: PushPauseOptions): Storage {
  const write: Storage['write'] = (clinicId, deviceId, work) =>
    storage.write(clinicId, deviceId, (tx) => {
      let paused = false;
      const held: WriteTransaction = Object.create(tx) as WriteTransaction;
      held.savepoint = async (inner) => {
        const result = await tx.savepoint(inner);
        if (!paused) {
          paused = true;
          options.onPause({ clinicId, deviceId, pauseMs: options.pauseMs });
          await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
        }
        return result;
      };
      return work(held);
    });
  // Every other method is the store's own, bound to it (class methods read private fields).
  return new Proxy(storage, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
