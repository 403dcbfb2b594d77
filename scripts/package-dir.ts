/**
 * Packages the app into an unpacked folder (electron-builder's `dir` target)
 * for the current OS: `npm run dist:dir`.
 *
 * Offline: set ELECTRON_DIST to an unpacked Electron 45 of this OS and arch
 * (the folder holding `electron` / `electron.exe` / `Electron.app`); it is
 * passed as electron-builder's `electronDist`, so nothing is downloaded.
 * Without ELECTRON_DIST electron-builder downloads Electron itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, Platform } from 'electron-builder';
import type { Configuration } from 'electron-builder';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Options for {@link packageUnpacked}. */
export interface PackageUnpackedOptions {
  /** Folder holding package.json, electron-builder.yml, build/ and dist/. */
  projectDir?: string;
  /** Unpacked Electron to copy instead of downloading one. */
  electronDist?: string | undefined;
  /** Where release folders go (default: electron-builder.yml's release/${version}). */
  outputDir?: string | undefined;
  /**
   * Flip the release fuses (default true). Only a test packaging against a
   * stand-in Electron turns this off: fuses are patched into the real binary.
   */
  flipFuses?: boolean;
}

/**
 * Runs electron-builder with electron-builder.yml plus the overrides above and
 * returns the unpacked app folder (e.g. release/0.1.0/linux-unpacked).
 *
 * @example await packageUnpacked({ electronDist: '/opt/electron-v45.4.1-linux-x64' })
 */
export async function packageUnpacked(options: PackageUnpackedOptions = {}): Promise<string> {
  const projectDir = options.projectDir ?? repositoryRoot;
  const overrides: Configuration = {
    ...(options.electronDist ? { electronDist: path.resolve(options.electronDist) } : {}),
    ...(options.outputDir ? { directories: { output: path.resolve(options.outputDir) } } : {}),
    // null (not undefined) replaces the yml's fuse table when merged.
    ...(options.flipFuses === false ? { electronFuses: null } : {}),
  };
  const platform = Platform.current();
  await build({ projectDir, targets: platform.createTarget('dir'), config: overrides, publish: 'never' });
  const { version } = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as { version: string };
  const output = options.outputDir ? path.resolve(options.outputDir) : path.join(projectDir, 'release', version);
  const folder = { [Platform.LINUX.name]: 'linux-unpacked', [Platform.WINDOWS.name]: 'win-unpacked', [Platform.MAC.name]: 'mac' }[platform.name];
  return path.join(output, folder ?? `${platform.name}-unpacked`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const electronDist = process.env.ELECTRON_DIST;
  if (!electronDist) console.warn('ELECTRON_DIST is not set: electron-builder will download Electron (needs internet).');
  const folder = await packageUnpacked({ electronDist });
  console.log(`Unpacked app: ${path.relative(repositoryRoot, folder)}`);
}
