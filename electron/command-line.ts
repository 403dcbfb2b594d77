import path from 'node:path';

/**
 * Reads the one command-line option the shell honours, `--user-data-dir=<path>`,
 * so tests (and a second profile on the same machine) can keep data apart.
 * Main applies it with `app.setPath('userData', …)` before `ready`.
 */

/** The option's prefix; only the `=` form is accepted, so a stray positional argument is never taken as a path. */
export const userDataDirOption = '--user-data-dir=';

/**
 * The absolute user-data directory named on the command line, or undefined.
 * The last occurrence wins (as in Chromium); an empty value or a NUL byte is
 * ignored. Relative paths resolve against `cwd`.
 *
 * @example userDataDirFromArgv(['/opt/Timedesk/timedesk', '--user-data-dir=/tmp/td-1'], '/') // '/tmp/td-1'
 * @example userDataDirFromArgv(['electron', '.'], '/') // undefined
 */
export function userDataDirFromArgv(argv: readonly string[], cwd: string): string | undefined {
  let found: string | undefined;
  for (const argument of argv) {
    if (!argument.startsWith(userDataDirOption)) continue;
    const value = argument.slice(userDataDirOption.length).trim();
    if (value === '' || value.includes('\0')) continue;
    found = path.resolve(cwd, value);
  }
  return found;
}
