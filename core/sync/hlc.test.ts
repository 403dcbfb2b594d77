import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HlcError, hlcParse, hlcReceive, hlcSend, hlcToString, initialHlcState, maxClockDriftMs } from './hlc';
import type { HlcState } from './hlc';

const t0 = Date.UTC(2026, 10, 25, 9, 0);

describe('hybrid logical clock', () => {
  it('stays strictly increasing when the wall clock stutters and steps backwards', () => {
    // A clock that repeats, jumps back two seconds, then recovers (NTP step, VM pause).
    const wall = [t0, t0, t0, t0 - 2000, t0 - 2000, t0 - 1999, t0 + 1, t0 + 1, t0 + 5];
    let state: HlcState = initialHlcState;
    const stamps: string[] = [];
    for (const now of wall) {
      const next = hlcSend(state, 'desk-a', now);
      state = next.state;
      stamps.push(hlcToString(next.timestamp));
    }
    const sorted = [...stamps].sort();
    expect(stamps).toEqual(sorted);
    expect(new Set(stamps).size).toBe(stamps.length);
    // While the wall clock is behind, the logical time holds and the counter climbs.
    expect(stamps[5]).toBe(`${new Date(t0).toISOString()}-0005-desk-a`);
    expect(stamps[8]).toBe(`${new Date(t0 + 5).toISOString()}-0000-desk-a`);
  });

  it('orders any sequence of sends and receives on every desk (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ remote: fc.boolean(), jitter: fc.integer({ min: -3000, max: 3000 }), remoteAhead: fc.integer({ min: -60_000, max: 60_000 }), remoteCounter: fc.integer({ min: 0, max: 50 }) }), { maxLength: 60 }),
        (events) => {
          let state: HlcState = initialHlcState;
          let last = '';
          let now = t0;
          for (const event of events) {
            now += event.jitter;
            if (event.remote) {
              const remote = { millis: now + event.remoteAhead, counter: event.remoteCounter, deviceId: 'desk-b' };
              state = hlcReceive(state, 'desk-a', remote, now);
              const after = hlcSend(state, 'desk-a', now);
              state = after.state;
              const text = hlcToString(after.timestamp);
              expect(text > hlcToString(remote)).toBe(true);
              expect(text > last).toBe(true);
              last = text;
            } else {
              const next = hlcSend(state, 'desk-a', now);
              state = next.state;
              const text = hlcToString(next.timestamp);
              expect(text > last).toBe(true);
              last = text;
            }
          }
        },
      ),
    );
  });

  it('refuses a remote clock more than five minutes ahead, and its own device id', () => {
    const ahead = { millis: t0 + maxClockDriftMs + 1, counter: 0, deviceId: 'desk-b' };
    expect(() => hlcReceive(initialHlcState, 'desk-a', ahead, t0)).toThrow(HlcError);
    const mine = { millis: t0, counter: 0, deviceId: 'desk-a' };
    expect(() => hlcReceive(initialHlcState, 'desk-a', mine, t0)).toThrow(/this device/);
  });

  it('refuses to run past 65,535 events in one millisecond', () => {
    expect(() => hlcSend({ millis: t0, counter: 0xffff }, 'desk-a', t0)).toThrow(/65,535/);
  });

  it('round-trips through its string form', () => {
    const stamp = { millis: t0, counter: 42, deviceId: 'b3c1-uuid-with-dashes' };
    expect(hlcParse(hlcToString(stamp))).toEqual(stamp);
    expect(hlcParse('not a clock')).toBeUndefined();
  });
});

describe('hybrid logical clock after the desk clock is set back', () => {
  it('keeps issuing increasing stamps for local events even ten minutes behind', () => {
    let state: HlcState = { millis: t0, counter: 3 };
    const back = t0 - 10 * 60_000;
    const first = hlcSend(state, 'desk-a', back);
    state = first.state;
    const second = hlcSend(state, 'desk-a', back + 1);
    expect(first.timestamp).toMatchObject({ millis: t0, counter: 4 });
    expect(hlcToString(second.timestamp) > hlcToString(first.timestamp)).toBe(true);
  });
});
