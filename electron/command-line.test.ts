import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { userDataDirFromArgv } from './command-line';

describe('userDataDirFromArgv', () => {
  it('reads --user-data-dir=<path>, resolving relative paths against cwd', () => {
    expect(userDataDirFromArgv(['electron', '.', '--user-data-dir=/tmp/td-1'], '/work')).toBe(path.resolve('/tmp/td-1'));
    expect(userDataDirFromArgv(['Timedesk', '--user-data-dir=profiles/a'], '/work')).toBe(path.resolve('/work', 'profiles/a'));
  });

  it('lets the last occurrence win, as Chromium does', () => {
    expect(userDataDirFromArgv(['x', '--user-data-dir=/a', '--user-data-dir=/b'], '/')).toBe(path.resolve('/b'));
  });

  it('ignores absent, empty, NUL-containing and space-separated forms', () => {
    expect(userDataDirFromArgv(['electron', '.'], '/')).toBeUndefined();
    expect(userDataDirFromArgv(['x', '--user-data-dir='], '/')).toBeUndefined();
    expect(userDataDirFromArgv(['x', '--user-data-dir=/a\u0000b'], '/')).toBeUndefined();
    expect(userDataDirFromArgv(['x', '--user-data-dir', '/tmp/x'], '/')).toBeUndefined();
  });
});
