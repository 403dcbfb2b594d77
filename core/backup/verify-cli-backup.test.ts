// The `timedesk-audit verify --backup` option, run as the real bin: a backup's plain header anchors an audit export.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAuditCsv } from '../audit/csv-export';
import { sampleAuditChain } from '../audit/sample-chain';
import { testRecipient, writeTestFile } from './backup-file.fixture';

const bin = resolve(import.meta.dirname, '../../bin/timedesk-audit.mjs');
let dir: string;

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

async function exportOf(count: number, edit?: (entry: ReturnType<typeof sampleAuditChain> extends Generator<infer E> ? E : never) => void): Promise<string> {
  const entries = [...sampleAuditChain(count)];
  if (edit) edit(entries[entries.length - 1]!);
  let text = '';
  for await (const piece of exportAuditCsv(entries)) text += piece;
  return text;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'timedesk-backup-anchor-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('timedesk-audit verify --backup', () => {
  it('passes an export that still holds the backup\'s head, and fails one cut or rewritten since', async () => {
    const chain = [...sampleAuditChain(40)];
    const head = chain[29]!;
    const { bytes } = await writeTestFile(['{}'], await testRecipient(), { auditHeads: [{ deviceId: head.deviceId, seq: head.seq, hash: head.hash, count: 30 }] });
    const backup = join(dir, 'desk.tdbackup');
    writeFileSync(backup, bytes);

    const later = join(dir, 'later.csv');
    writeFileSync(later, await exportOf(40));
    const ok = await run('verify', later, '--no-manifest', '--backup', backup);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('checking against the backup of 2026-12-05T08:02:00.000Z (1 device head)');

    const cut = join(dir, 'cut.csv');
    writeFileSync(cut, await exportOf(20));
    const truncated = await run('verify', cut, '--no-manifest', '--backup', backup);
    expect(truncated.code).toBe(1);
    expect(truncated.stdout).toContain('truncated');
    // Without the backup the cut file verifies: only the anchor outside the log shows the cut.
    expect((await run('verify', cut, '--no-manifest')).code).toBe(0);

    const rewritten = join(dir, 'rewritten.csv');
    // The whole chain rebuilt (other times, hashes recomputed): it links, but its seq 30 is not the anchored entry.
    const forged = [...sampleAuditChain(35, { deviceId: head.deviceId, startMs: Date.UTC(2027, 0, 1, 8) })];
    let text = '';
    for await (const piece of exportAuditCsv(forged)) text += piece;
    writeFileSync(rewritten, text);
    expect((await run('verify', rewritten, '--no-manifest', '--backup', backup)).code).toBe(1);

    const notBackup = await run('verify', later, '--no-manifest', '--backup', later);
    expect(notBackup.code).toBe(2);
    expect(notBackup.stderr).toContain('cannot read the backup');
  }, 60_000);
});
