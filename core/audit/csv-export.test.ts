import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../validation';
import { appendEntry } from './chain';
import { unguardFormula } from './csv-cell';
import { auditCsvColumns, cellsToEntry, entryToCells } from './csv-columns';
import { exportAuditCsv, type AuditExportFilter } from './csv-export';
import type { AuditDraft, AuditEntry } from './entry';
import type { AuditManifest } from './manifest';
import { sampleAuditChain } from './sample-chain';

async function exportAll(source: Iterable<AuditEntry>, filter?: AuditExportFilter, rowsPerChunk?: number): Promise<{ chunks: string[]; manifest: AuditManifest }> {
  const chunks: string[] = [];
  const generator = exportAuditCsv(source, filter, rowsPerChunk === undefined ? {} : { rowsPerChunk });
  let step = await generator.next();
  while (!step.done) {
    chunks.push(step.value);
    step = await generator.next();
  }
  return { chunks, manifest: step.value };
}

const hostile = [
  'quote " inside',
  'comma, inside',
  'line\nfeed',
  'carriage\rreturn',
  'crlf\r\nin the middle',
  'emoji 🏃‍♀️👩🏽‍⚕️',
  'مرحبا بالعالم',
  'שלום עולם',
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  '@SUM(1)',
  '-2+3',
  '   =1+2',
  '\tindented',
  "'already quoted",
  'trailing space ',
];

function hostileChain(): AuditEntry[] {
  const entries: AuditEntry[] = [];
  hostile.forEach((text, i) => {
    const draft: AuditDraft = {
      id: `e-${i}`,
      deviceId: 'desk-1',
      appVersion: '1.0.0',
      at: `2026-03-${String(1 + i).padStart(2, '0')}T10:00:00.000Z`,
      actor: { kind: 'staff', staffId: i % 2 ? text : 's-1', displayName: text, role: 'reception' },
      action: i % 3 ? 'PATIENT_UPDATED' : 'PATIENT_VIEWED',
      entityType: 'patient',
      entityId: text,
      patientId: text,
      changes: { name: { before: text, after: `${text}!` } },
      reason: text,
      outcome: 'success',
      mutationId: text,
    };
    entries.push(appendEntry(entries.at(-1) ?? null, draft));
  });
  return entries;
}

describe('exportAuditCsv', () => {
  it('starts with a UTF-8 BOM and the documented header, and ends every line with CRLF', async () => {
    const { chunks } = await exportAll(sampleAuditChain(3));
    const text = chunks.join('');
    expect(text.startsWith('\uFEFFseq,id,at,device_id,app_version,actor_id,actor_name,actor_role,action,entity_type,entity_id,patient_id,changes,reason,outcome,mutation_id,prev_hash,hash\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    // Outside quoted cells every line break is CRLF.
    const unquoted = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted.match(/\r\n/g)).toHaveLength(4);
    expect(unquoted.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes hostile text so papaparse reads it back intact apart from the formula guard', async () => {
    const entries = hostileChain();
    const { chunks } = await exportAll(entries);
    const parsed = Papa.parse<string[]>(chunks.join('').slice(1), { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual([...auditCsvColumns]);
    expect(rows).toHaveLength(entries.length);
    rows.forEach((row, i) => {
      const entry = entries[i]!;
      const expected = entryToCells(entry);
      row.forEach((cell, column) => {
        const original = expected[column]!;
        // The cell as a spreadsheet sees it: never a live formula.
        expect(cell, `${auditCsvColumns[column]} of row ${i + 2}`).not.toMatch(/^\s*[=+\-@\t\r\n]/);
        expect(cell === original || cell === `'${original}`).toBe(true);
        expect(unguardFormula(cell)).toBe(original);
      });
      expect(cellsToEntry(row.map((cell) => unguardFormula(cell)!))).toEqual(entry);
    });
    const reasons = rows.map((row) => row[auditCsvColumns.indexOf('reason')]);
    expect(reasons).toContain(`'=HYPERLINK("http://x","y")`);
    expect(reasons).toContain(`'+cmd|' /C calc'!A0`);
    expect(reasons).toContain("'@SUM(1)");
    expect(reasons).toContain("'-2+3");
    expect(reasons).toContain("'   =1+2");
    expect(reasons).toContain("'\tindented");
    expect(reasons).toContain("''already quoted");
    expect(reasons).toContain('emoji 🏃‍♀️👩🏽‍⚕️');
    expect(reasons).toContain('שלום עולם');
  });

  it('writes null as an empty cell and a system actor with role "system"', async () => {
    const [entry] = [...sampleAuditChain(11)].filter((candidate) => candidate.actor.kind === 'system');
    const cells = entryToCells(entry!);
    expect(cells[auditCsvColumns.indexOf('actor_role')]).toBe('system');
    expect(cells[auditCsvColumns.indexOf('actor_id')]).toBe('sync');
    expect(cellsToEntry(cells)).toEqual(entry);
    const withNulls = { ...entry!, reason: null, patientId: null, mutationId: null };
    expect(entryToCells(withNulls).filter((cell) => cell === '')).toHaveLength(3);
  });

  it('yields chunks of the requested number of rows, never the whole file at once', async () => {
    const { chunks, manifest } = await exportAll(sampleAuditChain(2500), {}, 1000);
    expect(chunks).toHaveLength(3);
    const rowsIn = (chunk: string) => Papa.parse(chunk.replace(/^\uFEFF/, ''), { newline: '\r\n', skipEmptyLines: true }).data.length;
    expect(chunks.map(rowsIn)).toEqual([1001, 1000, 500]);
    expect(manifest).toMatchObject({ format: 'timedesk-audit-csv/1', filtered: false, rows: 2500, heads: [{ deviceId: 'desk-1', count: 2500, firstSeq: 1, lastSeq: 2500 }] });
  });

  it('writes just the header for an empty log', async () => {
    const { chunks, manifest } = await exportAll([]);
    expect(chunks.join('')).toBe(`\uFEFF${auditCsvColumns.join(',')}\r\n`);
    expect(manifest).toMatchObject({ rows: 0, heads: [] });
  });

  describe('filters', () => {
    const entries = [...sampleAuditChain(300)];
    const seqs = async (filter: AuditExportFilter) => {
      const { chunks, manifest } = await exportAll(entries, filter);
      const rows = Papa.parse<string[]>(chunks.join('').slice(1), { newline: '\r\n', skipEmptyLines: true }).data.slice(1);
      expect(manifest).toMatchObject({ filtered: true, rows: rows.length, filter });
      return rows.map((row) => Number(row[0]));
    };

    it('by half-open date range', async () => {
      const from = entries[9]!.at;
      const to = entries[20]!.at;
      expect(await seqs({ from, to })).toEqual(Array.from({ length: 11 }, (_, i) => 10 + i));
    });

    it('by staff member, action(s) and patient', async () => {
      const staff = await seqs({ staffId: 's-3' });
      expect(staff.length).toBeGreaterThan(0);
      expect(staff).toEqual(entries.filter((e) => e.actor.kind === 'staff' && e.actor.staffId === 's-3').map((e) => e.seq));
      const actions = await seqs({ actions: ['PATIENT_VIEWED', 'DAY_SHEET_PRINTED'] });
      expect(actions).toEqual(entries.filter((e) => e.action === 'PATIENT_VIEWED' || e.action === 'DAY_SHEET_PRINTED').map((e) => e.seq));
      const patient = await seqs({ patientId: 'p-7', from: entries[0]!.at });
      expect(patient).toEqual(entries.filter((e) => e.patientId === 'p-7').map((e) => e.seq));
    });

    it('refuses a bad filter naming the field', async () => {
      await expect(exportAll(entries, { from: '2026-03-01' })).rejects.toMatchObject({ code: 'invalid-format', field: 'filter.from' });
      await expect(exportAll(entries, { from: '2026-03-02T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' })).rejects.toBeInstanceOf(ValidationError);
      await expect(exportAll(entries, { actions: ['NOPE' as never] })).rejects.toMatchObject({ field: 'filter.actions.0' });
    });
  });
});
