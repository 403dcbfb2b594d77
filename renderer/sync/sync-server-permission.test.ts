import { describe, expect, it, vi } from 'vitest';
import type { AllowSyncServerResult, TimedeskBridge } from '../../electron/bridge-contract';
import { allowSyncServerInShell } from './sync-server-permission';

function bridgeAnswering(result: AllowSyncServerResult) {
  const allowSyncServer = vi.fn(async () => result);
  return { bridge: { allowSyncServer } as unknown as TimedeskBridge, allowSyncServer };
}

describe('allowSyncServerInShell', () => {
  it('needs nothing in a plain browser, or from a shell without the method', async () => {
    expect(await allowSyncServerInShell('https://sync.clinic.example', undefined)).toEqual({ kind: 'not-needed' });
    expect(await allowSyncServerInShell('https://sync.clinic.example', {} as TimedeskBridge)).toEqual({ kind: 'not-needed' });
  });

  it('asks for the bare origin of the address, without its path', async () => {
    const { bridge, allowSyncServer } = bridgeAnswering({ outcome: 'allowed', origin: 'https://sync.clinic.example', reloadRequired: true });
    expect(await allowSyncServerInShell('https://sync.clinic.example/timedesk', bridge)).toEqual({ kind: 'reload-required' });
    expect(allowSyncServer).toHaveBeenCalledWith('https://sync.clinic.example');
  });

  it('maps the shell’s answers', async () => {
    expect(await allowSyncServerInShell('http://127.0.0.1:8787', bridgeAnswering({ outcome: 'allowed', origin: 'http://127.0.0.1:8787', reloadRequired: false }).bridge)).toEqual({ kind: 'allowed' });
    expect(await allowSyncServerInShell('http://127.0.0.1:8787', bridgeAnswering({ outcome: 'declined' }).bridge)).toEqual({ kind: 'declined' });
    const refused = bridgeAnswering({ outcome: 'refused', problem: { code: 'invalid-format', field: 'origin', message: 'The sync server must be an https origin.' } });
    expect(await allowSyncServerInShell('http://sync.clinic.example', refused.bridge)).toEqual({ kind: 'refused', message: 'The sync server must be an https origin.' });
  });
});
