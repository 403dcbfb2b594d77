/**
 * Hybrid logical clock, after Actual Budget's `crdt/timestamp.ts` (itself after
 * Kulkarni et al.): 48-bit wall milliseconds, a 16-bit counter and the device
 * id. It orders events across desks even when a desk's clock stutters or steps
 * backwards, so audit entries and last-writer-wins fields sort the same way on
 * every machine. It never allocates slots: the server sequence does that.
 *
 * The functions are pure: they take the persisted state and "now" and return
 * the next state, which the write wrapper stores in `meta` in the same
 * transaction as the change it stamps.
 */

/** The persisted clock: the highest (millis, counter) this device has issued or seen. */
export interface HlcState {
  millis: number;
  counter: number;
}

/** One issued timestamp. */
export interface HlcTimestamp extends HlcState {
  deviceId: string;
}

/** How far ahead of the local wall clock a timestamp may run before we refuse (Actual uses 5 minutes). */
export const maxClockDriftMs = 5 * 60 * 1000;
const maxCounter = 0xffff;
const maxMillis = 2 ** 48 - 1;

/**
 * Why a clock operation was refused. `drift`: a remote timestamp would put the
 * logical time more than {@link maxClockDriftMs} ahead of the wall clock (a
 * remote desk's clock is far off — show the skew banner); `overflow`: more than 65,535 events within one
 * millisecond; `duplicate-device`: a remote timestamp claims our own device id.
 */
export class HlcError extends Error {
  override readonly name = 'HlcError';
  constructor(
    readonly reason: 'drift' | 'overflow' | 'duplicate-device',
    message: string,
  ) {
    super(message);
  }
}

/** The clock of a device that has issued nothing yet. */
export const initialHlcState: HlcState = { millis: 0, counter: 0 };

/**
 * Stamps a local event.
 *
 * @example
 * const { state, timestamp } = hlcSend({ millis: 0, counter: 0 }, 'desk-a', 1_700_000_000_000);
 * hlcToString(timestamp); // '2023-11-14T22:13:20.000Z-0000-desk-a'
 */
export function hlcSend(previous: HlcState, deviceId: string, now: number): { state: HlcState; timestamp: HlcTimestamp } {
  const physical = Math.floor(now);
  const millis = Math.max(previous.millis, physical);
  // Same logical millisecond as last time (clock stuck or behind): bump the counter.
  const counter = millis === previous.millis ? previous.counter + 1 : 0;
  // No drift check here: a desk whose clock was set back must keep booking.
  // Our own logical time simply runs ahead until the wall clock catches up.
  check(millis, counter, physical, false);
  const state = { millis, counter };
  return { state, timestamp: { ...state, deviceId } };
}

/**
 * Folds a remote timestamp into the local clock, so anything this desk stamps
 * afterwards sorts after what it has seen.
 *
 * @example
 * const remote = hlcParse('2023-11-14T22:13:20.000Z-0003-desk-b');
 * hlcReceive({ millis: 0, counter: 0 }, 'desk-a', remote, 1_700_000_000_000);
 * // → { millis: 1700000000000, counter: 4 }
 */
export function hlcReceive(previous: HlcState, deviceId: string, remote: HlcTimestamp, now: number): HlcState {
  if (remote.deviceId === deviceId) {
    throw new HlcError('duplicate-device', `Remote timestamp carries this device's id (${deviceId}).`);
  }
  const physical = Math.floor(now);
  if (remote.millis - physical > maxClockDriftMs) {
    throw new HlcError('drift', `Remote clock is ${remote.millis - physical} ms ahead of this desk.`);
  }
  const millis = Math.max(previous.millis, physical, remote.millis);
  let counter: number;
  if (millis === previous.millis && millis === remote.millis) counter = Math.max(previous.counter, remote.counter) + 1;
  else if (millis === previous.millis) counter = previous.counter + 1;
  else if (millis === remote.millis) counter = remote.counter + 1;
  else counter = 0;
  check(millis, counter, physical, true);
  return { millis, counter };
}

function check(millis: number, counter: number, physical: number, limitDrift: boolean): void {
  if (limitDrift && millis - physical > maxClockDriftMs) {
    throw new HlcError('drift', `Logical clock is ${millis - physical} ms ahead of the wall clock.`);
  }
  if (counter > maxCounter) throw new HlcError('overflow', 'More than 65,535 events in one millisecond.');
  if (millis > maxMillis || millis < 0) throw new HlcError('drift', `Clock value ${millis} is outside 48 bits.`);
}

/**
 * The sortable string form: ISO instant (fixed width), 4 hex digits of counter,
 * device id. Plain string comparison orders timestamps.
 *
 * @example
 * hlcToString({ millis: 0, counter: 255, deviceId: 'd1' }); // '1970-01-01T00:00:00.000Z-00ff-d1'
 */
export function hlcToString(timestamp: HlcTimestamp): string {
  return `${new Date(timestamp.millis).toISOString()}-${timestamp.counter.toString(16).padStart(4, '0')}-${timestamp.deviceId}`;
}

/**
 * Parses {@link hlcToString}'s output; `undefined` for anything else.
 *
 * @example
 * hlcParse('1970-01-01T00:00:00.000Z-00ff-d1'); // { millis: 0, counter: 255, deviceId: 'd1' }
 */
export function hlcParse(text: string): HlcTimestamp | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-(.+)$/.exec(text);
  if (!match) return undefined;
  const millis = Date.parse(match[1] as string);
  if (Number.isNaN(millis)) return undefined;
  return { millis, counter: Number.parseInt(match[2] as string, 16), deviceId: match[3] as string };
}
