// Layer rules live here, in lint, so a wrong-way import fails CI instead of
// depending on a reviewer's memory (VS Code's code-import-patterns idea).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Packages the pure engine must never pull in: it runs in Node, a worker and the browser alike. */
const forbiddenInCore = ['react', 'react-dom', 'zustand', 'electron', 'fastify', 'better-sqlite3', 'pg'];

/** core/'s import rule; `allowRrule` only for the one module that wraps rrule.js. */
function coreImports({ allowRrule = false } = {}) {
  const paths = forbiddenInCore.map((name) => ({ name, message: `core/ must not depend on ${name}.` }));
  if (!allowRrule) {
    // Node's ESM loader picks rrule's UMD build, where named imports fail; one wrapper fixes that for everyone.
    paths.push({ name: 'rrule', message: 'Import rrule.js through core/recurrence/rrule-library.ts.' });
  }
  return ['error', { paths, patterns: [{ group: ['node:*'], message: 'core/ must run in the browser too: no Node built-ins.' }] }];
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'test-results/', 'playwright-report/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './core',
              from: ['./renderer', './electron', './server', './e2e', './bench'],
              message: 'core/ is the engine: it may not import the UI, the shell, the server or tests.',
            },
            {
              target: ['./core/model', './core/recurrence', './core/overlap', './core/schedule', './core/confirmations', './core/reminders', './core/validation', './core/time', './core/audit', './core/backup', './core/reports', './core/calendar-files', './core/patient-files', './core/downtime', './core/month'],
              from: ['./core/db', './core/commands', './core/sync'],
              message: 'Pure engine modules may not import storage or sync (they run without IndexedDB).',
            },
            {
              target: './core/schedule',
              from: ['./core/overlap', './core/queries'],
              message: 'core/schedule is below the booking check: core/overlap imports it, never the other way.',
            },
            {
              target: './renderer',
              from: ['./server', './e2e', './bench'],
              message: 'renderer/ reaches data only through core/ and the desktop bridge.',
            },
            {
              target: './renderer',
              from: './electron',
              except: ['./bridge-contract.ts', './bridge-channels.ts'],
              message: 'renderer/ sees the shell only through window.timedesk; import its types from electron/bridge-contract.',
            },
            {
              target: './server',
              from: ['./renderer', './electron', './e2e'],
              message: 'server/ reuses core/ only.',
            },
            {
              target: './electron',
              from: ['./renderer', './server', './e2e'],
              message: 'electron/ is a thin shell: it may not import the UI or the server.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts', 'core/**/*.bench.ts'],
    rules: {
      'no-restricted-imports': coreImports(),
      // The engine takes "now" and the zone as inputs (Luxon-style settings), so results never depend on the host.
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Take the clock as an input in core/.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take the clock as an input in core/.' },
        { selector: "CallExpression[callee.object.name='DateTime'][callee.property.name='local']", message: 'Pass an explicit zone in core/.' },
        { selector: "CallExpression[callee.object.name='DateTime'][callee.property.name='now']", message: 'Take the clock as an input in core/.' },
      ],
    },
  },
  {
    // The database sits below sync: core/sync registers its middleware on the
    // database (core/db/database-extensions.ts), the database never runs sync
    // code. Types of the rows it stores (the HLC state, conflict records) may be named.
    files: ['core/db/**/*.ts'],
    ignores: ['core/db/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../sync', '../sync/*'], allowTypeImports: true, message: 'core/db may not run core/sync code: let sync register on the database (extendEveryDatabase).' }] },
      ],
    },
  },
  {
    // Words on screen come from renderer/i18n's Messages (`text.…`), so Spanish and French desks have
    // them too; and `text` is read while rendering, never kept at module level, because it changes
    // when the signed-in staff member's language does.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx', 'renderer/**/*.fixture.ts', 'renderer/**/*.fixture.tsx', 'renderer/i18n/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'JSXText[value=/[A-Za-z]{2,}/]', message: 'Put words on screen in renderer/i18n Messages and use text.… here.' },
        {
          selector: "JSXAttribute[name.name=/^(aria-label|aria-description|aria-roledescription|title|placeholder|alt)$/] > Literal[value=/[A-Za-z]{2,}/]",
          message: 'Put words on screen in renderer/i18n Messages and use text.… here.',
        },
        { selector: 'JSXExpressionContainer > Literal[value=/[A-Za-z]{2,}/]', message: 'Put words on screen in renderer/i18n Messages and use text.… here.' },
        {
          selector: "MemberExpression[object.name='text']:not(:function MemberExpression)",
          message: 'Read text.… while rendering (inside a function): at module level it would keep the first language.',
        },
      ],
    },
  },
  {
    files: ['core/recurrence/rrule-library.ts'],
    rules: { 'no-restricted-imports': coreImports({ allowRrule: true }) },
  },
);
