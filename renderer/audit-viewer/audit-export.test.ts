import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { auditCsvColumns, verifyAuditCsv } from '../../core/audit';
import { openTestAppData } from '../data/test-app-data.fixture';
import { auditExportName, exportAuditFiles } from './audit-export';

const admin = { staffId: 'staff-admin', displayName: 'Alex Admin', role: 'admin' as const };
const desk = { staffId: 'staff-desk', displayName: 'Dana Desk', role: 'front_desk' as const };
const at = Date.parse('2026-11-25T14:05:01Z');

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

function rowsOf(parts: readonly string[]) {
  const csv = parts.join('');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.meta.fields).toEqual([...auditCsvColumns]);
  return parsed.data;
}

describe('exportAuditFiles', () => {
  it('collects a CSV with BOM and header whose rows parse back, a manifest the verifier accepts, and records the export', async () => {
    const data = await clinicWithEntries(3);
    const result = await exportAuditFiles(data.auth, admin, {}, at);
    if (!result.ok) throw new Error(result.error.message);
    const files = result.value;
    expect(files.csvName).toBe('timedesk-audit-20261125-140501.csv');
    expect(files.manifestName).toBe('timedesk-audit-20261125-140501.manifest.json');
    expect(rowsOf(files.csvParts).map((row) => row['action'])).toEqual(['RESOURCE_SAVED', 'RESOURCE_SAVED', 'RESOURCE_SAVED', 'STAFF_SAVED']);
    expect(files.manifest).toMatchObject({ filtered: false, rows: 4 });
    expect(JSON.parse(files.manifestText)).toEqual(files.manifest);
    expect(files.chain.ok).toBe(true);
    expect((await verifyAuditCsv(files.csvParts, { manifest: files.manifest })).ok).toBe(true);
    const recorded = await data.db.audit.where('action').equals('AUDIT_EXPORTED').toArray();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ entityId: files.csvName, outcome: 'success', actor: { staffId: 'staff-admin' } });
  });

  it('keeps only the selected rows and records the filter in the manifest', async () => {
    const data = await clinicWithEntries(2);
    const result = await exportAuditFiles(data.auth, admin, { action: 'STAFF_SAVED' }, at);
    if (!result.ok) throw new Error(result.error.message);
    const rows = rowsOf(result.value.csvParts);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.['actor_name']).toBe('Alex Admin');
    expect(result.value.manifest).toMatchObject({ filtered: true, rows: 1, filter: { actions: ['STAFF_SAVED'] } });
  });

  it('refuses front-desk staff, and the refusal is itself audited', async () => {
    const data = await clinicWithEntries(1);
    const result = await exportAuditFiles(data.auth, desk, {}, at);
    expect(result).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
    expect(await data.db.audit.where('action').equals('AUDIT_EXPORTED').toArray()).toMatchObject([{ outcome: 'denied', actor: { staffId: 'staff-desk' } }]);
  });
});

describe('auditExportName', () => {
  it('stamps the UTC instant', () => {
    expect(auditExportName(Date.parse('2026-01-02T03:04:05.678Z'))).toBe('timedesk-audit-20260102-030405.csv');
  });
});
