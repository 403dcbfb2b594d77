import { describe, expect, it } from 'vitest';
import { bridgeChannels, bridgeMethodNames, fileFilterSchema, maxSaveFileCharacters, openExternalRequestSchema, saveFileRequestSchema } from './bridge-contract';
import type { TimedeskBridge } from './bridge-contract';

describe('bridge contract', () => {
  it('names one timedesk: channel per bridge method', () => {
    const methods: (keyof TimedeskBridge)[] = ['getAppInfo', 'saveFile', 'printDaySheet', 'openExternal', 'allowSyncServer', 'backupFiles', 'chooseBackupFolder', 'awaitQuit', 'quitReady', 'writeDowntimePack'];
    expect(bridgeMethodNames).toEqual(methods);
    expect(new Set(Object.values(bridgeChannels)).size).toBe(methods.length);
    for (const channel of Object.values(bridgeChannels)) expect(channel).toMatch(/^timedesk:[a-z-]+$/);
  });

  it('defaults filters to none and trims the suggested name', () => {
    expect(saveFileRequestSchema.parse({ suggestedName: ' audit.csv ', content: '' })).toEqual({ suggestedName: 'audit.csv', content: '', filters: [] });
  });

  it('caps content at the documented limit', () => {
    expect(maxSaveFileCharacters).toBe(64 * 1024 * 1024);
    expect(saveFileRequestSchema.safeParse({ suggestedName: 'a.csv', content: 'x'.repeat(maxSaveFileCharacters + 1) }).success).toBe(false);
  });

  it.each(['.', '..', 'a/b.csv', 'a\\b.csv', 'a:b', 'tab\there', 'x'.repeat(256)])('refuses the suggested name %j', (suggestedName) => {
    expect(saveFileRequestSchema.safeParse({ suggestedName, content: '' }).success).toBe(false);
  });

  it('limits filters and URLs', () => {
    expect(fileFilterSchema.safeParse({ name: 'CSV', extensions: [] }).success).toBe(false);
    expect(fileFilterSchema.safeParse({ name: 'All', extensions: ['*'] }).success).toBe(false);
    expect(openExternalRequestSchema.safeParse('').success).toBe(false);
    expect(openExternalRequestSchema.safeParse(`https://x.example/${'a'.repeat(2048)}`).success).toBe(false);
  });
});
