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

const tailNote = "note: verified without a manifest; rows cut off the end of the file can only be detected with the manifest or the server's checkpoint (compare the head above).\n";

describe('timedesk-audit verify', { timeout: 60_000 }, () => {
  it('prints OK with the entry count and head hash, and exits 0', async () => {
    const result = await run('verify', writeExport('good.csv', text));
    expect(result).toMatchObject({ code: 0, stdout: `OK 50 entries, head ${manifest.heads[0]!.headHash}\n`, stderr: '' });
  });

  it('verifies the file alone when no manifest sits beside it, noting that a cut-off tail cannot show', async () => {
    const result = await run('verify', writeExport('alone.csv', text, false));
    expect(result).toEqual({ code: 0, stdout: `OK 50 entries, head ${manifest.heads[0]!.headHash}\n${tailNote}`, stderr: '' });
    // --no-manifest ignores a manifest that is there: same check, same note.
    const ignoring = await run('verify', writeExport('ignored.csv', text), '--no-manifest');
    expect(ignoring).toEqual(result);
  });

  // Each tamper, with and without the manifest beside the file: the rows alone show it.
  for (const withManifest of [true, false]) {
    const beside = withManifest ? 'with the manifest' : 'on the file alone';

    it(`names an edited row and exits 1 (${beside})`, async () => {
      const edited = [...rows];
      edited[20] = edited[20]!.replace(',success,', ',error,');
      expect(edited[20]).not.toBe(rows[20]);
      const result = await run('verify', writeExport(`edited-${withManifest}.csv`, edited.join(''), withManifest));
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^FAILED row 21 \(seq 20\): edited: /);
    });

    it(`names a removed row and exits 1 (${beside})`, async () => {
      const result = await run('verify', writeExport(`removed-${withManifest}.csv`, rows.filter((_, i) => i !== 30).join(''), withManifest));
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^FAILED row 31 \(seq 30\): removed: entry seq 30 is missing/);
    });

    it(`names reordered rows and exits 1 (${beside})`, async () => {
      const swapped = [...rows];
      [swapped[8], swapped[9]] = [swapped[9]!, swapped[8]!];
      const result = await run('verify', writeExport(`swapped-${withManifest}.csv`, swapped.join(''), withManifest));
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^FAILED row 9 \(seq 9\): reordered: /);
    });
  }

  it('names a cut-off tail with the manifest (exit 1); without it the file passes with the note', async () => {
    const cut = writeExport('cut.csv', rows.slice(0, 46).join(''));
    const result = await run('verify', cut);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAILED row 47 \(seq 46\): truncated: /);
    const cutHead = /,([0-9a-f]{64})\r\n$/.exec(rows[45]!)![1]!;
    const expected = { code: 0, stdout: `OK 45 entries, head ${cutHead}\n${tailNote}`, stderr: '' };
    expect(await run('verify', writeExport('cut-alone.csv', rows.slice(0, 46).join(''), false))).toEqual(expected);
    expect(await run('verify', cut, '--no-manifest')).toEqual(expected);
  });

  it('verifies a filtered export against its own manifest; alone, its gaps read as removals unless --filtered', async () => {
    // A time window: seqs 10–20 only, so the file starts past seq 1 as any filtered export may.
    const entries = [...sampleAuditChain(50)];
    let filtered = '';
    const generator = exportAuditCsv(entries, { from: entries[9]!.at, to: entries[20]!.at });
    let step = await generator.next();
    while (!step.done) {
      filtered += step.value;
      step = await generator.next();
    }
    const path = join(dir, 'patient.csv');
    writeFileSync(path, filtered);
    writeFileSync(auditManifestPath(path), JSON.stringify(step.value));
    const alone = join(dir, 'patient-alone.csv');
    writeFileSync(alone, filtered);
    const editedAlone = join(dir, 'patient-edited.csv');
    writeFileSync(editedAlone, filtered.replace(`,${entries[14]!.id},`, `,${entries[14]!.id}x,`));
    const [result, blind, blindAsChain, ignoring, edited] = await Promise.all([
      run('verify', path),
      run('verify', alone, '--filtered'),
      run('verify', alone),
      run('verify', path, '--no-manifest', '--filtered'),
      run('verify', editedAlone, '--filtered'),
    ]);
    const ok = `OK 11 entries, head ${step.value.heads[0]!.headHash}\n`;
    expect(step.value.rows).toBe(11);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(`${ok}  filtered export`)).toBe(true);
    expect(blind).toEqual({ code: 0, stdout: `${ok}${tailNote}  read as a filtered export: every row re-hashed; links checked between consecutive seqs; a row removed between them would not show.\n`, stderr: '' });
    expect(ignoring).toEqual(blind);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toMatch(/^FAILED row 7 \(seq 15\): edited: /);
    // Read as a whole chain, the first gap in seq is a removal, with a hint for the filtered case.
    expect(blindAsChain.code).toBe(1);
    expect(blindAsChain.stdout).toMatch(/^FAILED row 2 \(seq 1\): removed: .*\n {2}if this is a filtered export, verify it with its manifest, or pass --filtered/);
  });

  it('exits 2 for usage errors, unreadable files and a manifest that is there but invalid', async () => {
    const lonely = writeExport('lonely.csv', text, false);
    writeFileSync(join(dir, 'bad.manifest.json'), '{"format":"something else"}');
    const besideBad = writeExport('bad.csv', text, false);
    const withManifest = writeExport('flagged.csv', text);
    const [none, unknown, noFile, missing, namedMissing, badManifest, badBeside, both, filteredWithManifest] = await Promise.all([
      run(),
      run('check', 'x.csv'),
      run('verify'),
      run('verify', join(dir, 'nope.csv')),
      run('verify', lonely, '--manifest', join(dir, 'nope.manifest.json')),
      run('verify', lonely, '--manifest', join(dir, 'bad.manifest.json')),
      run('verify', besideBad),
      run('verify', lonely, '--manifest', join(dir, 'bad.manifest.json'), '--no-manifest'),
      run('verify', withManifest, '--filtered'),
    ]);
    for (const result of [none, unknown, noFile, missing, namedMissing, badManifest, badBeside, both, filteredWithManifest]) {
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
    }
    expect(missing.stderr).toMatch(/cannot read .*nope\.csv \(ENOENT\)/);
    expect(namedMissing.stderr).toMatch(/cannot read the manifest .*nope\.manifest\.json \(ENOENT\)/);
    expect(badManifest.stderr).toMatch(/bad\.manifest\.json is not a Timedesk audit manifest/);
    expect(badBeside.stderr).toMatch(/bad\.manifest\.json is not a Timedesk audit manifest/);
    expect(both.stderr).toMatch(/--manifest and --no-manifest contradict/);
    expect(filteredWithManifest.stderr).toMatch(/--filtered applies only without a manifest/);
  });
});
