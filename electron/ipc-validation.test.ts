import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isValidationProblem } from '../core/validation';
import { saveFileRequestSchema } from './bridge-contract';
import { assertTrustedSender, isTrustedSender, parseBridgeArgument, UntrustedSenderError } from './ipc-validation';

describe('isTrustedSender', () => {
  it('trusts only the main frame of app://timedesk', () => {
    expect(isTrustedSender({ url: 'app://timedesk/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://timedesk/day/2026-11-25?x=1#y', isMainFrame: true })).toBe(true);
  });

  it.each([
    ['a subframe on app://timedesk', { url: 'app://timedesk/index.html', isMainFrame: false }],
    ['a foreign https page', { url: 'https://evil.example/', isMainFrame: true }],
    ['a dev server on http://localhost', { url: 'http://localhost:5173/', isMainFrame: true }],
    ['http://127.0.0.1', { url: 'http://127.0.0.1/', isMainFrame: true }],
    ['a file:// page', { url: 'file:///opt/timedesk/index.html', isMainFrame: true }],
    ['another app:// host', { url: 'app://evil/index.html', isMainFrame: true }],
    ['about:blank', { url: 'about:blank', isMainFrame: true }],
    ['an empty URL (frame mid-navigation)', { url: '', isMainFrame: true }],
    ['a destroyed frame', null],
  ])('refuses %s', (_name, frame) => {
    expect(isTrustedSender(frame)).toBe(false);
    expect(() => assertTrustedSender('timedesk:save-file', frame)).toThrow(UntrustedSenderError);
  });

  it('names the channel and the caller in the error', () => {
    expect(() => assertTrustedSender('timedesk:save-file', { url: 'https://evil.example/', isMainFrame: false })).toThrow(
      'Refused timedesk:save-file from subframe https://evil.example/.',
    );
  });
});

describe('parseBridgeArgument', () => {
  it('returns the parsed value on success', () => {
    expect(parseBridgeArgument(z.string(), 'x', 'url')).toEqual({ ok: true, value: 'x' });
  });

  it('names the field by its dotted path under the argument and gives a core validation code', () => {
    const result = parseBridgeArgument(saveFileRequestSchema, { suggestedName: 'a.csv', content: 'x', filters: [{ name: 'CSV', extensions: ['.csv'] }] }, 'request');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ code: 'invalid-format', field: 'request.filters.0.extensions.0' });
    expect(isValidationProblem(result.problem)).toBe(true);
    // It must survive structured cloning (IPC) unchanged.
    expect(structuredClone(result.problem)).toEqual(result.problem);
  });

  it('maps missing to required and long text to too-long', () => {
    expect(parseBridgeArgument(saveFileRequestSchema, { suggestedName: 'a.csv' }, 'request')).toMatchObject({ ok: false, problem: { code: 'required', field: 'request.content' } });
    expect(parseBridgeArgument(z.string().max(3), 'abcd', 'url')).toMatchObject({ ok: false, problem: { code: 'too-long', field: 'url' } });
    expect(parseBridgeArgument(z.string(), 42, 'url')).toMatchObject({ ok: false, problem: { code: 'invalid-format', field: 'url' } });
  });
});
