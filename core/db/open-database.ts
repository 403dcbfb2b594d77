import { newId } from '../model';
import { defaultClinicSettings, genesisHash } from './device-meta';
import type { ClinicSettings, DeviceMeta } from './device-meta';
import { TimedeskDb } from './timedesk-db';
import type { TimedeskDbOptions } from './timedesk-db';

/** What opening the database needs to know about the running app. */
export interface OpenDatabaseOptions extends TimedeskDbOptions {
  /** The app's version, stamped on every audit entry (package.json version). */
  appVersion: string;
  /** "Now" as epoch ms; recorded as the device's first run on a new database. */
  now: number;
  /** Random bytes for the device id; the platform's `crypto.getRandomValues` by default. */
  randomBytes?: (count: number) => Uint8Array;
}

/**
 * Opens (creating or upgrading) the database and makes sure this device has
 * its row: a stable random id made on first run and kept for good, counters
 * at zero, the running app version. Returns the database and the device row.
 *
 * @example
 * const { db, device } = await openTimedeskDb({ appVersion: '0.1.0', now: Date.now() });
 * device.deviceId; // e.g. '3f9c…' (32 hex characters, the same on every later open)
 */
export async function openTimedeskDb(options: OpenDatabaseOptions): Promise<{ db: TimedeskDb; device: DeviceMeta }> {
  const db = new TimedeskDb({ ...options, upgradeAt: options.now });
  await db.open();
  const randomBytes = options.randomBytes ?? platformRandomBytes;
  const device = await db.transaction('rw', db.meta, async () => {
    const existing = (await db.meta.get('device')) as DeviceMeta | undefined;
    if (!(await db.meta.get('clinic'))) await db.meta.put(defaultClinicSettings);
    if (existing) {
      if (existing.appVersion === options.appVersion) return existing;
      const updated = { ...existing, appVersion: options.appVersion };
      await db.meta.put(updated);
      return updated;
    }
    const created: DeviceMeta = {
      key: 'device',
      deviceId: newId(randomBytes),
      appVersion: options.appVersion,
      firstRunAt: new Date(options.now).toISOString(),
      auditSeq: 0,
      auditHead: genesisHash,
      deviceSeq: 0,
      hlc: { millis: 0, counter: 0 },
    };
    await db.meta.add(created);
    return created;
  });
  return { db, device };
}

/**
 * Reads this device's row; throws if the database was not opened with
 * {@link openTimedeskDb} (a bug, not user input).
 *
 * @example (await readDevice(db)).deviceSeq // 0 on a fresh database
 */
export async function readDevice(db: TimedeskDb): Promise<DeviceMeta> {
  const device = (await db.meta.get('device')) as DeviceMeta | undefined;
  if (!device) throw new Error('No device row: open the database with openTimedeskDb first.');
  return device;
}

/**
 * Reads the clinic settings (defaults until an admin saves them).
 *
 * @example (await readClinicSettings(db)).idleLockMinutes // 5
 */
export async function readClinicSettings(db: TimedeskDb): Promise<ClinicSettings> {
  return ((await db.meta.get('clinic')) as ClinicSettings | undefined) ?? defaultClinicSettings;
}

// Typed by hand: core/ is also checked without DOM types, and the platform
// crypto is the only browser global this folder touches.
function platformRandomBytes(count: number): Uint8Array {
  const crypto = (globalThis as { crypto?: { getRandomValues(array: Uint8Array): Uint8Array } }).crypto;
  if (!crypto) throw new Error('No crypto.getRandomValues on this platform: pass randomBytes.');
  return crypto.getRandomValues(new Uint8Array(count));
}
