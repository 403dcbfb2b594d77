import { describe, expect, it, vi } from 'vitest';
import { buildContentSecurityPolicy, parseContentSecurityPolicy } from './content-security-policy';
import { allowSyncServerOrigin, exactSyncServerOrigin } from './sync-server-permission';
import type { SyncServerPermissionHost } from './sync-server-permission';

/** A host whose "allow" really changes what the CSP would say, as main's does. */
function fakeHost(current: string | undefined, answer = true) {
  const state = { current, document: current };
  const host = {
    currentOrigin: vi.fn(() => state.current),
    documentOrigin: vi.fn(() => state.document),
    confirm: vi.fn(async () => answer),
    allow: vi.fn(async (origin: string) => {
      state.current = origin;
    }),
  } satisfies SyncServerPermissionHost;
  const connectSources = () => parseContentSecurityPolicy(buildContentSecurityPolicy({ syncEndpoint: state.current })).get('connect-src');
  return { host, state, connectSources };
}

const hostile = [
  ['javascript:', 'javascript:alert(1)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['file:', 'file:///etc/passwd'],
  ['a wildcard host', 'https://*.example.com'],
  ['a bare wildcard', '*'],
  ['a scheme-only source', 'https:'],
  ['a CSP keyword', "'unsafe-inline'"],
  ['a second directive in the host', 'https://sync.example;script-src'],
  ['a quote in the host', "https://sync.example'"],
  ['userinfo', 'https://admin:pw@sync.example'],
  ['a user name', 'https://admin@sync.example'],
  ['plain http to a remote host', 'http://sync.clinic.example'],
  ['http to a host that only starts like localhost', 'http://localhost.evil.example'],
  ['a path', 'https://sync.clinic.example/v1'],
  ['a trailing slash', 'https://sync.clinic.example/'],
  ['a query', 'https://sync.clinic.example?x=1'],
  ['a fragment', 'https://sync.clinic.example#x'],
  ['a default port', 'https://sync.clinic.example:443'],
  ['upper case', 'https://Sync.Clinic.example'],
  ['surrounding spaces', ' https://sync.clinic.example '],
  ['a trailing dot', 'https://sync.clinic.example.'],
  ['ws:', 'wss://sync.clinic.example'],
  ['blob:', 'blob:https://sync.clinic.example/1'],
  ['a very long host', `https://${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.example`],
  ['empty', ''],
] as const;

describe('exactSyncServerOrigin', () => {
  it.each([['https://sync.clinic.example'], ['https://sync.clinic.example:8443'], ['http://127.0.0.1:8787'], ['http://localhost:8787'], ['http://[::1]:8787'], ['https://10.0.0.5']])('accepts %s', (origin) => {
    expect(exactSyncServerOrigin(origin)).toEqual({ ok: true, origin });
  });

  it.each(hostile)('refuses %s', (_name, input) => {
    expect(exactSyncServerOrigin(input)).toMatchObject({ ok: false, reason: expect.any(String) });
  });

  it('suggests the bare origin when given a URL with more after it', () => {
    expect(exactSyncServerOrigin('https://sync.clinic.example/v1')).toEqual({ ok: false, reason: 'not a bare origin (did you mean https://sync.clinic.example?)' });
  });
});

describe('allowSyncServerOrigin', () => {
  it('asks, persists and puts exactly that origin in connect-src; the page must reload', async () => {
    const { host, connectSources } = fakeHost('https://old.clinic.example');
    expect(await allowSyncServerOrigin('https://sync.clinic.example:8443', host)).toEqual({ outcome: 'allowed', origin: 'https://sync.clinic.example:8443', reloadRequired: true });
    expect(host.confirm).toHaveBeenCalledWith('https://sync.clinic.example:8443', 'https://old.clinic.example');
    expect(host.allow).toHaveBeenCalledWith('https://sync.clinic.example:8443');
    // Replaced, not added: the policy never names more than one remote peer.
    expect(connectSources()).toEqual(["'self'", 'https://sync.clinic.example:8443']);
  });

  it('changes nothing when the person declines', async () => {
    const { host, connectSources } = fakeHost(undefined, false);
    expect(await allowSyncServerOrigin('http://127.0.0.1:8787', host)).toEqual({ outcome: 'declined' });
    expect(host.allow).not.toHaveBeenCalled();
    expect(connectSources()).toEqual(["'self'"]);
  });

  it('asks nothing for the origin already allowed, and wants a reload only if the document predates it', async () => {
    const { host, state } = fakeHost('https://sync.clinic.example');
    expect(await allowSyncServerOrigin('https://sync.clinic.example', host)).toEqual({ outcome: 'allowed', origin: 'https://sync.clinic.example', reloadRequired: false });
    state.document = undefined;
    expect(await allowSyncServerOrigin('https://sync.clinic.example', host)).toEqual({ outcome: 'allowed', origin: 'https://sync.clinic.example', reloadRequired: true });
    expect(host.confirm).not.toHaveBeenCalled();
    expect(host.allow).not.toHaveBeenCalled();
  });

  it.each(hostile)('refuses %s without asking or writing, and the policy stays as it was', async (_name, input) => {
    const { host, connectSources } = fakeHost('https://sync.clinic.example');
    expect(await allowSyncServerOrigin(input, host)).toMatchObject({ outcome: 'invalid-origin' });
    expect(host.confirm).not.toHaveBeenCalled();
    expect(host.allow).not.toHaveBeenCalled();
    expect(connectSources()).toEqual(["'self'", 'https://sync.clinic.example']);
  });

  it('fails without applying when the config cannot be saved', async () => {
    const { host, state } = fakeHost(undefined);
    host.allow.mockRejectedValueOnce(new Error('EACCES'));
    await expect(allowSyncServerOrigin('https://sync.clinic.example', host)).rejects.toThrow('EACCES');
    expect(state.current).toBeUndefined();
  });
});
