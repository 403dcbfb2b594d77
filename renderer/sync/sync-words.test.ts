import { describe, expect, it } from 'vitest';
import { clockSkewMinutes, syncErrorWords, syncedAgo } from './sync-words';

const at = Date.parse('2026-11-25T14:00:00Z');

describe('syncedAgo', () => {
  it('says "now" under a minute and counts minutes, hours and days after', () => {
    expect(syncedAgo(at, at + 20_000, 'en-US')).toBe('now');
    expect(syncedAgo(at, at + 130_000, 'en-US')).toBe('2 minutes ago');
    expect(syncedAgo(at, at + 3 * 3_600_000 + 5_000, 'en-US')).toBe('3 hours ago');
    expect(syncedAgo(at, at + 26 * 3_600_000, 'en-US')).toBe('yesterday');
  });

  it('never says "in …" when the desk clock stepped back', () => {
    expect(syncedAgo(at, at - 90_000, 'en-US')).toBe('now');
  });
});

describe('syncErrorWords', () => {
  it('puts known codes in words and falls back to the server message', () => {
    expect(syncErrorWords({ code: 'network-unreachable', message: 'fetch failed' })).toBe('Cannot reach the sync server — changes wait on this computer');
    expect(syncErrorWords({ code: 'device-revoked', message: 'x' })).toBe('This desk was disconnected by the administrator');
    expect(syncErrorWords({ code: 'sequence-gap', message: 'Expected deviceSeq 4, got 6.' })).toBe('Sync problem: Expected deviceSeq 4, got 6.');
  });
});

describe('clockSkewMinutes', () => {
  it('reports whole minutes only when core/sync warns', () => {
    expect(clockSkewMinutes({ clockWarning: true, clockSkewMs: -420_000 })).toBe(7);
    expect(clockSkewMinutes({ clockWarning: false, clockSkewMs: 120_000 })).toBeNull();
    expect(clockSkewMinutes({ clockWarning: true, clockSkewMs: null })).toBeNull();
  });
});
