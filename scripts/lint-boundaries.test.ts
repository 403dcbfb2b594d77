import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The rule only fires for imports that resolve, so each forbidden layer gets a
// real (temporary) module to import.
const fixture = `lint-fixture-${process.pid}`;
const fixtureFolders = ['server', 'renderer', 'electron', 'e2e', 'bench', 'core/db', 'core/sync'];
beforeAll(() => {
  for (const folder of fixtureFolders) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(`${folder}/${fixture}.ts`, 'export const x = 1;\n');
  }
});
afterAll(() => {
  for (const folder of fixtureFolders) rmSync(`${folder}/${fixture}.ts`, { force: true });
});

/** Lints a snippet as if it lived at `filePath`, returning the rule ids that fired. */
async function rulesFiredFor(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse-error');
}

// The first lint of a run loads typescript-eslint and the import resolver (~3 s alone, more on a loaded CI).
describe('layer boundaries are enforced by lint', { timeout: 30_000 }, () => {
  it('refuses core/ importing the server, the UI or the shell', async () => {
    for (const from of ['server', 'renderer', 'electron'].map((layer) => `../../${layer}/${fixture}`)) {
      const fired = await rulesFiredFor('core/recurrence/sample.ts', `import { x } from '${from}';\nexport const y = x;\n`);
      expect(fired, from).toContain('import-x/no-restricted-paths');
    }
  });

  it('refuses React, Electron and Node built-ins in core/', async () => {
    for (const name of ['react', 'electron', 'node:fs']) {
      const fired = await rulesFiredFor('core/overlap/sample.ts', `import x from '${name}';\nexport const y = x;\n`);
      expect(fired, name).toContain('no-restricted-imports');
    }
  });

  it('refuses core/ importing benchmarks or end-to-end tests', async () => {
    for (const from of ['bench', 'e2e'].map((folder) => `../../${folder}/${fixture}`)) {
      const fired = await rulesFiredFor('core/model/sample.ts', `import { x } from '${from}';\nexport const y = x;\n`);
      expect(fired, from).toContain('import-x/no-restricted-paths');
    }
  });

  it('refuses the pure engine importing storage or sync', async () => {
    for (const [file, from] of [
      ['core/recurrence/sample.ts', `../db/${fixture}`],
      ['core/overlap/sample.ts', `../sync/${fixture}`],
      ['core/time/sample.ts', `../db/${fixture}`],
    ]) {
      const fired = await rulesFiredFor(file as string, `import { x } from '${from}';\nexport const y = x;\n`);
      expect(fired, `${file} ← ${from}`).toContain('import-x/no-restricted-paths');
    }
  });

  it('refuses reading the clock or the host zone inside core/', async () => {
    for (const code of [
      'export const now = Date.now();\n',
      'export const now = new Date();\n',
      "import { DateTime } from 'luxon';\nexport const now = DateTime.now();\n",
      "import { DateTime } from 'luxon';\nexport const here = DateTime.local(2025, 1, 1);\n",
    ]) {
      const fired = await rulesFiredFor('core/overlap/sample.ts', code);
      expect(fired, code).toContain('no-restricted-syntax');
    }
    // A date built from an explicit instant is fine.
    expect(await rulesFiredFor('core/overlap/sample.ts', 'export const then = new Date(0);\n')).toEqual([]);
  });

  it('lets the renderer import core/', async () => {
    const fired = await rulesFiredFor('renderer/sample.ts', `import { ValidationError } from '../core/index';\nexport const E = ValidationError;\n`);
    expect(fired).toEqual([]);
  });
});

/** Every source file below `folder` (skipping installed and generated folders). */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(?:[cm]?[jt]s|tsx)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !/(?:^|\/)(?:node_modules|dist|release)\//.test(path));
}

describe('rrule.js is loaded in one place', () => {
  // Its package resolves to different builds under bundlers and under Node's ESM loader
  // (core/recurrence/rrule-library.ts explains); importing it anywhere else breaks one of them.
  it('is imported only by core/recurrence/rrule-library.ts', () => {
    const importsRrule = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]rrule(?:\/[^'"]*)?['"]/m;
    const offenders = ['core', 'renderer', 'electron', 'server', 'bench', 'scripts', 'e2e']
      .flatMap(sourceFiles)
      .filter((path) => path !== join('core', 'recurrence', 'rrule-library.ts'))
      .filter((path) => importsRrule.test(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
    expect(importsRrule.test(readFileSync(join('core', 'recurrence', 'rrule-library.ts'), 'utf8'))).toBe(true);
  });
});

describe('words on screen go through Messages', { timeout: 30_000 }, () => {
  const path = 'renderer/day-view/sample.tsx';
  const header = "import { text } from '../i18n';\n";

  it('refuses English typed straight into JSX: as text, in an accessible name or as a string child', async () => {
    for (const jsx of ['<p>Book appointment</p>', '<button aria-label="Close">×</button>', '<input placeholder="Search" />', "<p>{'Loading'}</p>"]) {
      const fired = await rulesFiredFor(path, `${header}export const A = () => ${jsx};\nexport const b = () => text.app.close;\n`);
      expect(fired, jsx).toContain('no-restricted-syntax');
    }
  });

  it('refuses keeping text at module level, where it would stay in the first language', async () => {
    const fired = await rulesFiredFor(path, `${header}const words = text.openings;\nexport const A = () => <p>{words.title}</p>;\n`);
    expect(fired).toContain('no-restricted-syntax');
  });

  it('accepts words read from text while rendering, and symbols', async () => {
    const fired = await rulesFiredFor(path, `${header}export const A = () => <p aria-label={text.app.close}>{text.app.close} ×</p>;\n`);
    expect(fired).toEqual([]);
  });
});
