import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints a snippet as if it lived at `filePath`, returning the rule ids that fired. */
async function rulesFiredFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: process.cwd() }).lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse-error');
}

describe('renderer ↔ electron lint zone', () => {
  it('lets the renderer import the bridge contract (type-only) and the channel names', async () => {
    expect(await rulesFiredFor('renderer/sample.ts', "import type { TimedeskBridge } from '../electron/bridge-contract';\nexport type B = TimedeskBridge;\n")).toEqual([]);
    expect(await rulesFiredFor('renderer/sample.ts', "import { bridgeMethodNames } from '../electron/bridge-channels';\nexport const n = bridgeMethodNames;\n")).toEqual([]);
  });

  it('refuses the renderer importing the main process or its modules', async () => {
    for (const module of ['main', 'navigation-guard', 'window-state']) {
      const fired = await rulesFiredFor('renderer/sample.ts', `import * as m from '../electron/${module}';\nexport const x = m;\n`);
      expect(fired, module).toContain('import-x/no-restricted-paths');
    }
  });
});
