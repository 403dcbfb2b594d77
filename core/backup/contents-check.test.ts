import { describe, expect, it } from 'vitest';
import { sampleAuditChain } from '../audit/sample-chain';
import { BackupError } from './backup-error';
import type { BackupHeader } from './backup-header';
import { ContentsCheck } from './contents-check';
import { preludeText, tableSegmentText } from './payload';

const entries = [...sampleAuditChain(5)];
const head = entries.at(-1)!;
const header = {
  database: { name: 'timedesk', version: 3 },
  counts: { audit: 5, patients: 2 },
  auditHeads: [{ deviceId: head.deviceId, seq: 5, hash: head.hash, count: 5 }],
} as unknown as BackupHeader;
const prelude = preludeText({ databaseName: 'timedesk', databaseVersion: 3, tables: [{ name: 'audit', schema: '[deviceId+seq]', rowCount: 5 }, { name: 'patients', schema: 'id', rowCount: 2 }] });

function run(segments: string[]) {
  const check = new ContentsCheck(header);
  for (const segment of segments) check.push(segment);
  return check.finish();
}

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof BackupError) return error.code;
    throw error;
  }
  return 'none';
}

describe('ContentsCheck', () => {
  it('passes whole contents and counts the audit entries', () => {
    const report = run([prelude, tableSegmentText('audit', true, entries.slice(0, 3)), tableSegmentText('audit', true, entries.slice(3)), tableSegmentText('patients', true, [{ id: 'a' }, { id: 'b' }])]);
    expect(report).toEqual({ counts: { audit: 5, patients: 2 }, auditEntries: 5, segments: 4 });
  });

  it('refuses missing rows, extra rows, an unknown table and another database', () => {
    const audit = tableSegmentText('audit', true, entries);
    expect(codeOf(() => run([prelude, audit, tableSegmentText('patients', true, [{ id: 'a' }])]))).toBe('contents-invalid');
    expect(codeOf(() => run([prelude, audit, tableSegmentText('patients', true, [{ id: 'a' }, { id: 'b' }, { id: 'c' }])]))).toBe('contents-invalid');
    expect(codeOf(() => run([prelude, tableSegmentText('secrets', true, [])]))).toBe('contents-invalid');
    expect(codeOf(() => run([prelude.replace('"timedesk"', '"other"')]))).toBe('contents-invalid');
    expect(codeOf(() => run(['not json']))).toBe('contents-invalid');
  });

  it('refuses an audit log that does not verify or does not reach the header\'s head', () => {
    const edited = entries.map((entry, index) => (index === 2 ? { ...entry, reason: 'changed' } : entry));
    const patients = tableSegmentText('patients', true, [{ id: 'a' }, { id: 'b' }]);
    expect(codeOf(() => run([prelude, tableSegmentText('audit', true, edited), patients]))).toBe('audit-chain-broken');
    const shorter = { ...header, counts: { audit: 4, patients: 2 } } as unknown as BackupHeader;
    const check = new ContentsCheck(shorter);
    check.push(prelude.replace('"rowCount":5', '"rowCount":4'));
    check.push(tableSegmentText('audit', true, entries.slice(0, 4)));
    check.push(patients);
    expect(codeOf(() => check.finish())).toBe('audit-chain-broken');
  });
});
