// Runs the real `timedesk-audit` bin as a child process, as a compliance
// officer would, on files written by the real exporter.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAuditCsv } from './csv-export';
import { auditManifestPath, type AuditManifest } from './manifest';
import { sampleAuditChain } from './sample-chain';

const bin = resolve(import.meta.dirname, '../../bin/timedesk-audit.mjs');
let dir: string;
let text: string;
let manifest: AuditManifest;
let rows: string[];

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** Writes `csv` (and the untouched manifest) under `name`; returns the CSV path. */
function writeExport(name: string, csv: string, withManifest = true): string {
  const path = join(dir, name);
  writeFileSync(path, csv);
  if (withManifest) writeFileSync(auditManifestPath(path), JSON.stringify(manifest));
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'timedesk-audit-'));
  text = '';
  const generator = exportAuditCsv(sampleAuditChain(50));
  let step = await generator.next();
  while (!step.done) {
    text += step.value;
    step = await generator.next();
  }
  manifest = step.value;
  // Sample rows 1–50 with their line breaks; quoted cells may hold CRLF, so split on the seq that starts each row.
  rows = text.split(/\r\n(?=\d+,desk-1-e\d+,)/).map((row, i, all) => (i < all.length - 1 ? `${row}\r\n` : row));
  expect(rows).toHaveLength(51);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('timedesk-audit verify', { timeout: 60_000 }, () => {
  it('prints OK with the entry count and head hash, and exits 0', async () => {
    const result = await run('verify', writeExport('good.csv', text));
    expect(result).toMatchObject({ code: 0, stdout: `OK 50 entries, head ${manifest.heads[0]!.headHash}\n` });
  });

  it('names an edited row and exits 1', async () => {
    const edited = [...rows];
    edited[20] = edited[20]!.replace(',success,', ',error,');
    expect(edited[20]).not.toBe(rows[20]);
    const result = await run('verify', writeExport('edited.csv', edited.join('')));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAILED row 21 \(seq 20\): edited: /);
  });

  it('names a removed row and exits 1', async () => {
    const result = await run('verify', writeExport('removed.csv', rows.filter((_, i) => i !== 30).join('')));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAILED row 31 \(seq 30\): removed: entry seq 30 is missing/);
  });

  it('names reordered rows and exits 1', async () => {
    const swapped = [...rows];
    [swapped[8], swapped[9]] = [swapped[9]!, swapped[8]!];
    const result = await run('verify', writeExport('swapped.csv', swapped.join('')));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAILED row 9 \(seq 9\): reordered: /);
  });

  it('names a cut-off tail using the manifest beside the file, and exits 1', async () => {
    const cut = writeExport('cut.csv', rows.slice(0, 46).join(''));
    const result = await run('verify', cut);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAILED row 47 \(seq 46\): truncated: /);
    const blind = await run('verify', cut, '--no-manifest');
    expect(blind).toMatchObject({ code: 0, stdout: expect.stringMatching(/^OK 45 entries, head [0-9a-f]{64}\n$/) });
    expect(blind.stderr).toMatch(/without a manifest/);
  });

  it('verifies a filtered export against its own manifest', async () => {
    let filtered = '';
    const generator = exportAuditCsv(sampleAuditChain(50), { patientId: 'p-7' });
    let step = await generator.next();
    while (!step.done) {
      filtered += step.value;
      step = await generator.next();
    }
    const path = join(dir, 'patient.csv');
    writeFileSync(path, filtered);
    writeFileSync(auditManifestPath(path), JSON.stringify(step.value));
    const [result, blind, blindAsChain] = await Promise.all([run('verify', path), run('verify', path, '--no-manifest', '--filtered'), run('verify', path, '--no-manifest')]);
    expect(blind.code).toBe(0);
    // Read as a whole chain, the first gap in seq is a removal.
    expect(blindAsChain.stdout).toMatch(/^FAILED row 2 \(seq 1\): removed: /);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^OK ${step.value.rows} entries, head ${step.value.heads[0]!.headHash}\\n  filtered export`));
  });

  it('exits 2 for usage errors and unreadable files', async () => {
    const noManifest = writeExport('lonely.csv', text, false);
    writeFileSync(join(dir, 'bad.manifest.json'), '{"format":"something else"}');
    const [none, unknown, noFile, missing, withoutManifest, badManifest] = await Promise.all([
      run(),
      run('check', 'x.csv'),
      run('verify'),
      run('verify', join(dir, 'nope.csv'), '--no-manifest'),
      run('verify', noManifest),
      run('verify', noManifest, '--manifest', join(dir, 'bad.manifest.json')),
    ]);
    for (const result of [none, unknown, noFile, missing, withoutManifest, badManifest]) expect(result.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.csv \(ENOENT\)/);
    expect(withoutManifest.stderr).toMatch(/cannot read the manifest .*lonely\.manifest\.json/);
    expect(badManifest.stderr).toMatch(/is not a Timedesk audit manifest/);
  });
});
