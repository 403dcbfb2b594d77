import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig: the test-only push pause', () => {
  it('is off unless TIMEDESK_TEST_PUSH_PAUSE_MS is set', () => {
    expect(readConfig({ NODE_ENV: 'test' }).testPushPauseMs).toBeUndefined();
    expect(readConfig({ NODE_ENV: 'test', TIMEDESK_TEST_PUSH_PAUSE_MS: '' }).testPushPauseMs).toBeUndefined();
  });

  it('is honoured under NODE_ENV=test', () => {
    expect(readConfig({ NODE_ENV: 'test', TIMEDESK_TEST_PUSH_PAUSE_MS: '2500' }).testPushPauseMs).toBe(2500);
  });

  it('stops the server starting anywhere else, so it cannot be left on in production by accident', () => {
    expect(() => readConfig({ TIMEDESK_TEST_PUSH_PAUSE_MS: '2500' })).toThrow('TIMEDESK_TEST_PUSH_PAUSE_MS is test-only');
    expect(() => readConfig({ NODE_ENV: 'production', TIMEDESK_TEST_PUSH_PAUSE_MS: '2500' })).toThrow('TIMEDESK_TEST_PUSH_PAUSE_MS is test-only');
  });

  it('names the variable when the value is not a whole number of milliseconds', () => {
    expect(() => readConfig({ NODE_ENV: 'test', TIMEDESK_TEST_PUSH_PAUSE_MS: '1.5' })).toThrow('TIMEDESK_TEST_PUSH_PAUSE_MS must be a whole number');
    expect(() => readConfig({ NODE_ENV: 'test', TIMEDESK_TEST_PUSH_PAUSE_MS: 'soon' })).toThrow('TIMEDESK_TEST_PUSH_PAUSE_MS must be a whole number');
    expect(() => readConfig({ NODE_ENV: 'test', TIMEDESK_TEST_PUSH_PAUSE_MS: '0' })).toThrow('TIMEDESK_TEST_PUSH_PAUSE_MS must be a whole number');
  });
});
