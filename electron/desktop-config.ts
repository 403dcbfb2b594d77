import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { syncEndpointOrigin } from './content-security-policy';

/**
 * Settings main needs before the window exists, from
 * `<userData>/desktop-config.json`. Today that is only the sync server, whose
 * origin goes into the CSP's connect-src. The file is optional and untrusted;
 * an administrator may write it, and Settings → Sync rewrites it (through
 * sync-server-permission.ts) when the desk is enrolled with another server.
 */

/** File name inside userData. */
export const desktopConfigFileName = 'desktop-config.json';

/** What main runs with. */
export interface DesktopConfig {
  /** Origin of the sync server (`https://sync.clinic.example`), or undefined when sync is off. */
  syncEndpoint?: string | undefined;
}

const desktopConfigSchema = z.object({ syncEndpoint: z.string().max(2048).optional() });

/**
 * Parses the file's text. Missing file, bad JSON, wrong types or a refused
 * endpoint all give "no sync endpoint" plus a warning for the log; the app
 * still starts (offline-first), with connect-src limited to 'self'.
 *
 * @example parseDesktopConfig('{"syncEndpoint":"https://sync.example/v1"}') // { config: { syncEndpoint: 'https://sync.example' }, warnings: [] }
 */
export function parseDesktopConfig(text: string | undefined): { config: DesktopConfig; warnings: string[] } {
  if (text === undefined) return { config: {}, warnings: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { config: {}, warnings: [`${desktopConfigFileName} is not valid JSON; sync is off.`] };
  }
  const parsed = desktopConfigSchema.safeParse(json);
  if (!parsed.success) return { config: {}, warnings: [`${desktopConfigFileName} has the wrong shape; sync is off.`] };
  if (parsed.data.syncEndpoint === undefined) return { config: {}, warnings: [] };
  const origin = syncEndpointOrigin(parsed.data.syncEndpoint);
  if (!origin.ok) return { config: {}, warnings: [`syncEndpoint refused (${origin.reason}); sync is off.`] };
  return { config: { syncEndpoint: origin.origin }, warnings: [] };
}

/**
 * Reads and parses the config from a userData directory.
 *
 * @example const { config, warnings } = await loadDesktopConfig(app.getPath('userData'));
 */
export async function loadDesktopConfig(userDataDir: string): Promise<{ config: DesktopConfig; warnings: string[] }> {
  let text: string | undefined;
  try {
    text = await readFile(path.join(userDataDir, desktopConfigFileName), 'utf8');
  } catch {
    text = undefined;
  }
  return parseDesktopConfig(text);
}

/**
 * Writes the config atomically (temp file + rename), so a crash mid-write
 * leaves the previous file rather than half a JSON document. Only the keys of
 * {@link DesktopConfig} are written.
 *
 * @example await saveDesktopConfig(app.getPath('userData'), { syncEndpoint: 'https://sync.clinic.example' });
 */
export async function saveDesktopConfig(userDataDir: string, config: DesktopConfig): Promise<void> {
  await mkdir(userDataDir, { recursive: true });
  const target = path.join(userDataDir, desktopConfigFileName);
  const temporary = `${target}.${process.pid}.tmp`;
  const text = `${JSON.stringify(config.syncEndpoint === undefined ? {} : { syncEndpoint: config.syncEndpoint }, null, 2)}\n`;
  await writeFile(temporary, text, 'utf8');
  await rename(temporary, target);
}
