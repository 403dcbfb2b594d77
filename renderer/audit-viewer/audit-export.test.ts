import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { auditCsvColumns, verifyAuditCsv } from '../../core/audit';
import { openTestAppData } from '../data/test-app-data.fixture';
import { auditExportName, buildAuditExport, entriesInChainOrder } from './audit-export';

const admin = { staffId: 'staff-admin', displayName: 'Alex Admin', role: 'admin' as const };

async function clinicWithEntries(resources: number) {
  const data = await openTestAppData();
  for (let index = 0; index < resources; index += 1) {
    const saved = await data.commands.run('resource/save', { kind: 'room', name: `Room ${index + 1}`, timeZone: 'America/New_York' }, admin);
    expect(saved.ok).toBe(true);
  }
  const staff = await data.commands.run('staff/save', { displayName: 'Fran Desk', username: 'fran', role: 'front_desk' }, admin);
  expect(staff.ok).toBe(true);
  return data;
}

describe('entriesInChainOrder', () => {
  it('reads every entry once, in seq order, across page boundaries', async () => {
    const { db } = await clinicWithEntries(6);
    const seqs: number[] = [];
    for await (const entry of entriesInChainOrder(db, 2)) seqs.push(entry.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('buildAuditExport', () => {
  it('writes a CSV with BOM and header whose rows parse back, and a manifest the verifier accepts', async () => {
    const { db } = await clinicWithEntries(3);
    const files = await buildAuditExport(db, {}, Date.parse('2026-11-25T14:05:01Z'));
    expect(files.csvName).toBe('timedesk-audit-20261125-140501.csv');
    expect(files.manifestName).toBe('timedesk-audit-20261125-140501.manifest.json');
    const csv = files.csvParts.join('');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...auditCsvColumns]);
    expect(parsed.data.map((row) => row['action'])).toEqual(['RESOURCE_SAVED', 'RESOURCE_SAVED', 'RESOURCE_SAVED', 'STAFF_SAVED']);
    expect(files.manifest).toMatchObject({ filtered: false, rows: 4 });
    expect(JSON.parse(files.manifestText)).toEqual(files.manifest);
    const report = await verifyAuditCsv(files.csvParts, { manifest: files.manifest });
    expect(report.ok).toBe(true);
  });

  it('keeps only the selected rows and records the filter in the manifest', async () => {
    const { db } = await clinicWithEntries(2);
    const files = await buildAuditExport(db, { action: 'STAFF_SAVED' }, Date.parse('2026-11-25T14:05:01Z'));
    const parsed = Papa.parse<Record<string, string>>(files.csvParts.join('').slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(1);
    expect(parsed.data[0]?.['actor_name']).toBe('Alex Admin');
    expect(files.manifest).toMatchObject({ filtered: true, rows: 1, filter: { actions: ['STAFF_SAVED'] } });
  });
});

describe('auditExportName', () => {
  it('stamps the UTC instant', () => {
    expect(auditExportName(Date.parse('2026-01-02T03:04:05.678Z'))).toBe('timedesk-audit-20260102-030405.csv');
  });
});
