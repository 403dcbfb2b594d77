import { describe, expect, it, vi } from 'vitest';
import { bridgeChannels, maxSaveFileCharacters } from './bridge-contract';
import { createBridgeDispatcher } from './bridge-handlers';
import type { BridgeHost } from './bridge-handlers';
import { UntrustedSenderError } from './ipc-validation';

const appFrame = { url: 'app://timedesk/index.html', isMainFrame: true };

function fakeHost(overrides: Partial<BridgeHost> = {}): BridgeHost & { [K in 'showSaveDialog' | 'writeTextFile' | 'print' | 'confirmOpenExternal' | 'openExternal']: ReturnType<typeof vi.fn> } {
  return {
    appInfo: { name: 'Timedesk', version: '0.1.0', platform: 'linux' },
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/desk/Documents/audit-2026-11.csv' })),
    writeTextFile: vi.fn(async () => {}),
    print: vi.fn(async () => ({ success: true, failureReason: '' })),
    confirmOpenExternal: vi.fn(async () => true),
    openExternal: vi.fn(async () => {}),
    syncServer: { currentOrigin: vi.fn(() => undefined), documentOrigin: vi.fn(() => undefined), confirm: vi.fn(async () => true), allow: vi.fn(async () => {}) },
    ...overrides,
  } as never;
}

describe('bridge dispatcher: sender first', () => {
  it.each([
    ['a foreign frame URL', { url: 'https://evil.example/', isMainFrame: true }],
    ['a subframe', { url: 'app://timedesk/index.html', isMainFrame: false }],
    ['http://localhost', { url: 'http://localhost:5173/', isMainFrame: true }],
    ['a destroyed frame', null],
  ])('rejects %s before any side effect', async (_name, frame) => {
    const host = fakeHost();
    const dispatch = createBridgeDispatcher(host);
    await expect(dispatch(bridgeChannels.saveFile, frame, [{ suggestedName: 'a.csv', content: 'x' }])).rejects.toThrow(UntrustedSenderError);
    await expect(dispatch(bridgeChannels.openExternal, frame, ['https://example.org/'])).rejects.toThrow(UntrustedSenderError);
    await expect(dispatch(bridgeChannels.allowSyncServer, frame, ['https://sync.example'])).rejects.toThrow(UntrustedSenderError);
    expect(host.syncServer.confirm).not.toHaveBeenCalled();
    expect(host.syncServer.allow).not.toHaveBeenCalled();
    expect(host.showSaveDialog).not.toHaveBeenCalled();
    expect(host.writeTextFile).not.toHaveBeenCalled();
    expect(host.confirmOpenExternal).not.toHaveBeenCalled();
  });

  it('rejects channels outside the contract, including inherited property names', async () => {
    const dispatch = createBridgeDispatcher(fakeHost());
    await expect(dispatch('timedesk:read-file', appFrame, [])).rejects.toThrow('Unknown channel');
    await expect(dispatch('toString', appFrame, [])).rejects.toThrow('Unknown channel');
  });
});

describe('getAppInfo', () => {
  it('answers name, version and platform', async () => {
    const dispatch = createBridgeDispatcher(fakeHost());
    expect(await dispatch(bridgeChannels.getAppInfo, appFrame, [])).toEqual({ name: 'Timedesk', version: '0.1.0', platform: 'linux' });
  });

  it('refuses stray arguments', async () => {
    const dispatch = createBridgeDispatcher(fakeHost());
    expect(await dispatch(bridgeChannels.getAppInfo, appFrame, ['x'])).toMatchObject({ outcome: 'refused', problem: { field: 'arguments' } });
  });
});

describe('saveFile', () => {
  it('asks with the native dialog, writes the content to the chosen path and reports the file name', async () => {
    const host = fakeHost();
    const dispatch = createBridgeDispatcher(host);
    const filters = [{ name: 'CSV', extensions: ['csv'] }];
    const result = await dispatch(bridgeChannels.saveFile, appFrame, [{ suggestedName: 'audit-2026-11.csv', content: 'id,at\n1,2026-11-25\n', filters }]);
    expect(result).toEqual({ outcome: 'saved', fileName: 'audit-2026-11.csv' });
    expect(host.showSaveDialog).toHaveBeenCalledWith({ defaultPath: 'audit-2026-11.csv', filters });
    expect(host.writeTextFile).toHaveBeenCalledWith('/home/desk/Documents/audit-2026-11.csv', 'id,at\n1,2026-11-25\n');
  });

  it('writes nothing when the user cancels', async () => {
    const host = fakeHost({ showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })) });
    expect(await createBridgeDispatcher(host)(bridgeChannels.saveFile, appFrame, [{ suggestedName: 'a.csv', content: 'x' }])).toEqual({ outcome: 'cancelled' });
    expect(host.writeTextFile).not.toHaveBeenCalled();
  });

  it.each([
    ['oversized content', { suggestedName: 'a.csv', content: 'x'.repeat(maxSaveFileCharacters + 1) }, 'request.content', 'too-long'],
    ['content of the wrong type', { suggestedName: 'a.csv', content: new Uint8Array(3) }, 'request.content', 'invalid-format'],
    ['missing content', { suggestedName: 'a.csv' }, 'request.content', 'required'],
    ['an extra key', { suggestedName: 'a.csv', content: 'x', defaultPath: '/etc/cron.d/x' }, 'request', 'invalid-format'],
    ['a path as the suggested name', { suggestedName: '../../.bashrc', content: 'x' }, 'request.suggestedName', 'invalid-format'],
    ['a Windows path as the suggested name', { suggestedName: 'C:\\Windows\\x.bat', content: 'x' }, 'request.suggestedName', 'invalid-format'],
    ['an empty suggested name', { suggestedName: '  ', content: 'x' }, 'request.suggestedName', 'required'],
    ['a malformed filter', { suggestedName: 'a.csv', content: 'x', filters: [{ name: 'CSV', extensions: ['*'] }] }, 'request.filters.0.extensions.0', 'invalid-format'],
    ['a filter with an extra key', { suggestedName: 'a.csv', content: 'x', filters: [{ name: 'CSV', extensions: ['csv'], path: '/' }] }, 'request.filters.0', 'invalid-format'],
    ['not an object', 'audit.csv', 'request', 'invalid-format'],
    ['null', null, 'request', 'required'],
  ])('refuses %s with a problem naming the field, without opening the dialog', async (_name, request, field, code) => {
    const host = fakeHost();
    const result = await createBridgeDispatcher(host)(bridgeChannels.saveFile, appFrame, [request]);
    expect(result).toMatchObject({ outcome: 'refused', problem: { field, code } });
    expect(host.showSaveDialog).not.toHaveBeenCalled();
    expect(host.writeTextFile).not.toHaveBeenCalled();
  });

  it('refuses a second argument', async () => {
    const result = await createBridgeDispatcher(fakeHost())(bridgeChannels.saveFile, appFrame, [{ suggestedName: 'a.csv', content: 'x' }, { overwrite: true }]);
    expect(result).toMatchObject({ outcome: 'refused', problem: { field: 'arguments' } });
  });

  it('accepts content exactly at the limit', async () => {
    const result = await createBridgeDispatcher(fakeHost())(bridgeChannels.saveFile, appFrame, [{ suggestedName: 'a.csv', content: 'x'.repeat(maxSaveFileCharacters) }]);
    expect(result).toMatchObject({ outcome: 'saved' });
  });
});

describe('printDaySheet', () => {
  it('maps Chromium’s callback to printed / cancelled / failed', async () => {
    const printed = fakeHost();
    expect(await createBridgeDispatcher(printed)(bridgeChannels.printDaySheet, appFrame, [])).toEqual({ outcome: 'printed' });
    const cancelled = fakeHost({ print: vi.fn(async () => ({ success: false, failureReason: 'cancelled' })) });
    expect(await createBridgeDispatcher(cancelled)(bridgeChannels.printDaySheet, appFrame, [])).toEqual({ outcome: 'cancelled' });
    const failed = fakeHost({ print: vi.fn(async () => ({ success: false, failureReason: 'Print job failed' })) });
    expect(await createBridgeDispatcher(failed)(bridgeChannels.printDaySheet, appFrame, [])).toEqual({ outcome: 'failed', reason: 'Print job failed' });
  });
});

describe('openExternal', () => {
  it('opens https only after the user confirms', async () => {
    const host = fakeHost();
    expect(await createBridgeDispatcher(host)(bridgeChannels.openExternal, appFrame, ['https://example.org/help'])).toEqual({ outcome: 'opened' });
    expect(host.confirmOpenExternal).toHaveBeenCalledWith('https://example.org/help');
    expect(host.openExternal).toHaveBeenCalledWith('https://example.org/help');
  });

  it('opens nothing when the user declines', async () => {
    const host = fakeHost({ confirmOpenExternal: vi.fn(async () => false) });
    expect(await createBridgeDispatcher(host)(bridgeChannels.openExternal, appFrame, ['https://evil.example/'])).toEqual({ outcome: 'declined' });
    expect(host.openExternal).not.toHaveBeenCalled();
  });

  it.each([['javascript:alert(1)'], ['file:///etc/passwd'], ['http://example.org/'], [42], [{ href: 'https://x.example' }], ['https://x.example/' + 'a'.repeat(3000)]])(
    'refuses %j without asking',
    async (url) => {
      const host = fakeHost();
      expect(await createBridgeDispatcher(host)(bridgeChannels.openExternal, appFrame, [url])).toMatchObject({ outcome: 'refused', problem: { field: 'url' } });
      expect(host.confirmOpenExternal).not.toHaveBeenCalled();
      expect(host.openExternal).not.toHaveBeenCalled();
    },
  );
});

describe('allowSyncServer', () => {
  it('allows a confirmed origin and says the page must reload', async () => {
    const host = fakeHost();
    expect(await createBridgeDispatcher(host)(bridgeChannels.allowSyncServer, appFrame, ['https://sync.clinic.example'])).toEqual({
      outcome: 'allowed',
      origin: 'https://sync.clinic.example',
      reloadRequired: true,
    });
    expect(host.syncServer.allow).toHaveBeenCalledWith('https://sync.clinic.example');
  });

  it('reports a decline and allows nothing', async () => {
    const host = fakeHost();
    vi.mocked(host.syncServer.confirm).mockResolvedValueOnce(false);
    expect(await createBridgeDispatcher(host)(bridgeChannels.allowSyncServer, appFrame, ['http://127.0.0.1:8787'])).toEqual({ outcome: 'declined' });
    expect(host.syncServer.allow).not.toHaveBeenCalled();
  });

  it.each([
    ['javascript:', 'javascript:alert(1)', 'invalid-format'],
    ['data:', 'data:text/plain,x', 'invalid-format'],
    ['file:', 'file:///etc/passwd', 'invalid-format'],
    ['a wildcard', 'https://*.clinic.example', 'invalid-format'],
    ['userinfo', 'https://u:p@sync.clinic.example', 'invalid-format'],
    ['non-loopback http', 'http://sync.clinic.example', 'invalid-format'],
    ['a path', 'https://sync.clinic.example/v1', 'invalid-format'],
    ['a very long origin', `https://${'a'.repeat(5000)}.example`, 'too-long'],
    ['a number', 8787, 'invalid-format'],
    ['an object', { origin: 'https://sync.clinic.example' }, 'invalid-format'],
    ['empty', '', 'required'],
  ])('refuses %s with a problem on the origin field, without asking', async (_name, origin, code) => {
    const host = fakeHost();
    const result = await createBridgeDispatcher(host)(bridgeChannels.allowSyncServer, appFrame, [origin]);
    expect(result).toMatchObject({ outcome: 'refused', problem: { field: 'origin', code } });
    expect(host.syncServer.confirm).not.toHaveBeenCalled();
    expect(host.syncServer.allow).not.toHaveBeenCalled();
  });

  it('refuses a missing or second argument', async () => {
    const host = fakeHost();
    expect(await createBridgeDispatcher(host)(bridgeChannels.allowSyncServer, appFrame, [])).toMatchObject({ outcome: 'refused', problem: { field: 'arguments' } });
    expect(await createBridgeDispatcher(host)(bridgeChannels.allowSyncServer, appFrame, ['https://a.example', 'https://b.example'])).toMatchObject({
      outcome: 'refused',
      problem: { field: 'arguments' },
    });
    expect(host.syncServer.confirm).not.toHaveBeenCalled();
  });
});
