import { describe, expect, it, vi } from 'vitest';
import { bridgeChannels, bridgeMethodNames } from './bridge-channels';
import { createTimedeskBridge, guardedInvoke } from './preload-bridge';

describe('createTimedeskBridge', () => {
  it('exposes exactly the named methods, frozen', () => {
    const bridge = createTimedeskBridge(vi.fn(async () => undefined));
    expect(Object.keys(bridge)).toEqual(bridgeMethodNames);
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect('invoke' in bridge || 'send' in bridge || 'ipcRenderer' in bridge).toBe(false);
  });

  it('sends each method on its timedesk: channel with the arguments unchanged', async () => {
    const invoke = vi.fn(async () => ({ outcome: 'saved', fileName: 'a.csv' }));
    const bridge = createTimedeskBridge(invoke);
    const request = { suggestedName: 'a.csv', content: 'x' };
    await bridge.saveFile(request);
    await bridge.openExternal('https://example.org/');
    await bridge.getAppInfo();
    await bridge.printDaySheet();
    await bridge.allowSyncServer('https://sync.example');
    expect(invoke.mock.calls).toEqual([
      [bridgeChannels.saveFile, request],
      [bridgeChannels.openExternal, 'https://example.org/'],
      [bridgeChannels.getAppInfo],
      [bridgeChannels.printDaySheet],
      [bridgeChannels.allowSyncServer, 'https://sync.example'],
    ]);
  });
});

describe('guardedInvoke', () => {
  it.each(['ELECTRON_BROWSER_REQUIRE', 'timedesk:read-file', 'other:save-file', ''])('refuses channel %j without calling IPC', async (channel) => {
    const invoke = vi.fn(async () => undefined);
    await expect(guardedInvoke(invoke)(channel as never)).rejects.toThrow('not part of the Timedesk bridge');
    expect(invoke).not.toHaveBeenCalled();
  });

  it('lets every contract channel through', async () => {
    const invoke = vi.fn(async () => 'ok');
    for (const channel of Object.values(bridgeChannels)) expect(await guardedInvoke(invoke)(channel)).toBe('ok');
    expect(Object.values(bridgeChannels).every((channel) => channel.startsWith('timedesk:'))).toBe(true);
  });
});
