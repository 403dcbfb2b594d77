import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The rule only fires for imports that resolve, so each forbidden layer gets a
// real (temporary) module to import.
const fixture = `lint-fixture-${process.pid}`;
const fixtureFolders = ['server', 'renderer', 'electron', 'core/db'];
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

describe('layer boundaries are enforced by lint', () => {
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

  it('refuses the pure engine importing storage', async () => {
    const fired = await rulesFiredFor('core/recurrence/sample.ts', `import { x } from '../db/${fixture}';\nexport const y = x;\n`);
    expect(fired).toContain('import-x/no-restricted-paths');
  });

  it('refuses reading the clock inside core/', async () => {
    const fired = await rulesFiredFor('core/overlap/sample.ts', 'export const now = Date.now();\n');
    expect(fired).toContain('no-restricted-syntax');
  });

  it('lets the renderer import core/', async () => {
    const fired = await rulesFiredFor('renderer/sample.ts', `import { ValidationError } from '../core/index';\nexport const E = ValidationError;\n`);
    expect(fired).toEqual([]);
  });
});
