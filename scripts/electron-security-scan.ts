/**
 * Runs Electronegativity over the Electron shell and fails (exit 1) on any
 * finding of MEDIUM severity or higher. `npm run test:electron-security`.
 *
 * The tool exits 0 whatever it finds, and it reads source statically, so:
 * - it is run programmatically and its findings are judged here;
 * - it scans a staging copy of electron/ (shipped sources, no tests) plus one
 *   generated file holding the real window options and CSP as literals —
 *   main.ts builds both in other modules, which a static scanner cannot follow;
 * - the run must have parsed every staged file, so it cannot pass vacuously.
 * Suppressions live inline in the source as `eng-disable CHECK_ID: reason`.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildContentSecurityPolicy } from '../electron/content-security-policy';
import { createWindowOptions } from '../electron/window-options';
import { defaultWindowState } from '../electron/window-state';

const require = createRequire(import.meta.url);
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Electronegativity's severity names, lowest first. */
export const severityOrder = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof severityOrder)[number];

/** One finding, reduced to what we print and judge. */
export interface SecurityFinding {
  id: string;
  severity: Severity;
  confidence: string;
  file: string;
  line: number;
  description: string;
  manualReview: boolean;
}

/** The outcome of one scan. */
export interface SecurityScanResult {
  /** Files Electronegativity's own loader lists in the scanned folder. */
  scannedFiles: string[];
  checks: number;
  findings: SecurityFinding[];
  /** Files the tool could not parse (and therefore did not check). */
  parseErrors: { file: string; message: string }[];
}

/**
 * Needs the network (it downloads Electron's release list) and only says
 * "a newer Electron exists": the version is pinned in package.json and
 * upgraded deliberately.
 */
const checksExcluded = ['AvailableSecurityFixesGlobalCheck'];

interface RawIssue {
  id: string;
  severity: { name?: string; value: number } | string;
  confidence: { name?: string } | string;
  file: string;
  location?: { line?: number };
  description?: string;
  manualReview?: boolean;
}

function severityName(raw: RawIssue['severity']): Severity {
  const name = typeof raw === 'string' ? raw : (raw.name ?? severityOrder[raw.value] ?? 'HIGH');
  const upper = name.toUpperCase() as Severity;
  // An unknown label is treated as the worst case rather than ignored.
  return severityOrder.includes(upper) ? upper : 'HIGH';
}

/**
 * Runs Electronegativity over `inputDir` and returns its findings.
 *
 * @example const { findings } = await runElectronegativity('/tmp/scan'); findings.filter((f) => f.severity === 'HIGH')
 */
export async function runElectronegativity(inputDir: string): Promise<SecurityScanResult> {
  const { list_files: listFiles } = require('@doyensec/electronegativity/dist/util/file.js') as { list_files(dir: string): Promise<string[]> };
  const runModule = require('@doyensec/electronegativity') as { default?: unknown };
  const run = (runModule.default ?? runModule) as (options: Record<string, unknown>) => Promise<{
    globalChecks: number;
    atomicChecks: number;
    errors: { file: string; message: string; tolerable: boolean }[];
    issues: RawIssue[];
  }>;
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  const scannedFiles = (await listFiles(inputDir)).map((file) => path.relative(inputDir, file)).sort();
  const result = await run({
    input: inputDir,
    isRelative: true,
    customScan: [],
    excludeFromScan: checksExcluded,
    electronVersionOverride: electronVersion,
  });
  return {
    scannedFiles,
    checks: result.globalChecks + result.atomicChecks,
    parseErrors: result.errors.filter((error) => !error.tolerable).map(({ file, message }) => ({ file: path.relative(inputDir, file), message })),
    findings: result.issues.map((issue) => ({
      id: issue.id,
      severity: severityName(issue.severity),
      confidence: typeof issue.confidence === 'string' ? issue.confidence : (issue.confidence.name ?? '?'),
      file: issue.file,
      line: issue.location?.line ?? 0,
      description: issue.description ?? '',
      manualReview: issue.manualReview ?? false,
    })),
  };
}

/**
 * The generated file: the window options and the CSP exactly as main builds
 * them, written as literals so the webPreferences and CSP checks see values.
 *
 * @example generatedOptionsSource().includes('"sandbox": true') // true
 */
export function generatedOptionsSource(): string {
  const options = createWindowOptions({ preloadPath: 'preload.cjs', bounds: defaultWindowState, isPackaged: true });
  // A sample sync origin, so connect-src is judged with one in it.
  const csp = buildContentSecurityPolicy({ syncEndpoint: 'https://sync.clinic.example/v1' });
  const optionsLiteral = JSON.stringify(options, null, 2).replace(
    '"preload": "preload.cjs",',
    // The preload is reviewed, not just present: it exposes four named methods and no ipcRenderer.
    '"preload": "preload.cjs", // eng-disable PRELOAD_JS_CHECK: electron/preload.ts exposes only createTimedeskBridge (preload-bridge.test.ts)',
  );
  return [
    '// Generated by scripts/electron-security-scan.ts from electron/window-options.ts and electron/content-security-policy.ts.',
    "const { BrowserWindow, session } = require('electron');",
    `const window = new BrowserWindow(${optionsLiteral});`,
    'session.defaultSession.webRequest.onHeadersReceived((details, callback) => {',
    `  callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [${JSON.stringify(csp)}] } });`,
    '});',
    'module.exports = window;',
    '',
  ].join('\n');
}

/**
 * Copies the shipped sources of `sourceDir` (no tests, no fixtures) into
 * `stagingDir` and adds the generated options file. Returns the staged names.
 *
 * @example stageElectronSources('electron', '/tmp/scan') // ['app-protocol.ts', …, 'window-options.generated.js']
 */
export function stageElectronSources(sourceDir: string, stagingDir: string): string[] {
  const staged: string[] = [];
  for (const entry of readdirSync(sourceDir, { withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ts|js|html)$/.test(entry.name) || /\.test\.ts$/.test(entry.name)) continue;
    cpSync(path.join(sourceDir, entry.name), path.join(stagingDir, entry.name));
    staged.push(entry.name);
  }
  writeFileSync(path.join(stagingDir, 'window-options.generated.js'), generatedOptionsSource());
  staged.push('window-options.generated.js');
  return staged.sort();
}

/** Findings at or above `threshold`. */
export function failingFindings(findings: readonly SecurityFinding[], threshold: Severity = 'MEDIUM'): SecurityFinding[] {
  const minimum = severityOrder.indexOf(threshold);
  return findings.filter((finding) => severityOrder.indexOf(finding.severity) >= minimum);
}

/**
 * Stages, scans and judges electron/. Throws when nothing was scanned or a
 * staged file was not parsed; returns the failing findings otherwise.
 *
 * @example const { failing } = await scanElectronShell(); if (failing.length > 0) process.exit(1);
 */
export async function scanElectronShell(sourceDir = path.join(repositoryRoot, 'electron')): Promise<SecurityScanResult & { staged: string[]; failing: SecurityFinding[] }> {
  const stagingDir = mkdtempSync(path.join(tmpdir(), 'td-electronegativity-'));
  try {
    const staged = stageElectronSources(sourceDir, stagingDir);
    const result = await runElectronegativity(stagingDir);
    if (result.scannedFiles.length === 0) throw new Error(`Electronegativity listed no files in ${stagingDir}: the scan would pass vacuously.`);
    const unlisted = staged.filter((name) => !result.scannedFiles.includes(name));
    if (unlisted.length > 0) throw new Error(`Electronegativity did not list: ${unlisted.join(', ')}`);
    if (result.parseErrors.length > 0) {
      throw new Error(`Electronegativity could not parse: ${result.parseErrors.map((error) => `${error.file} (${error.message})`).join('; ')}`);
    }
    return { ...result, staged, failing: failingFindings(result.findings) };
  } finally {
    rmSync(stagingDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await scanElectronShell();
  for (const finding of result.findings) {
    const verdict = result.failing.includes(finding) ? 'FAIL' : 'note';
    console.log(`${verdict}  ${finding.severity.padEnd(13)} ${finding.id}  ${finding.file}:${finding.line}  ${finding.description.split('\n')[0] ?? ''}`);
  }
  console.log(`Electronegativity: ${result.checks} checks over ${result.scannedFiles.length} files (${result.scannedFiles.join(', ')}); ${result.failing.length} finding(s) at MEDIUM or above.`);
  if (result.failing.length > 0) process.exit(1);
}
