import { describe, expect, it } from 'vitest';
import { auditCsvColumns } from './csv-columns';
import { auditCsvRow, exportAuditCsv, type AuditExportFilter } from './csv-export';
import type { AuditEntry } from './entry';
import type { AuditManifest } from './manifest';
import { sampleActions, sampleAuditChain } from './sample-chain';
import { verifyAuditCsv } from './verify-csv';

async function exportText(source: Iterable<AuditEntry>, filter?: AuditExportFilter): Promise<{ text: string; manifest: AuditManifest }> {
  let text = '';
  const generator = exportAuditCsv(source, filter);
  let step = await generator.next();
  while (!step.done) {
    text += step.value;
    step = await generator.next();
  }
  return { text, manifest: step.value };
}

/** The file as lines, for tests that edit rows; sample rows with line breaks in cells are avoided by choosing rows. */
function splitRows(text: string): string[] {
  const rows: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') quoted = !quoted;
    if (!quoted && char === '\r' && text[i + 1] === '\n') {
      rows.push(current + '\r\n');
      current = '';
      i++;
      continue;
    }
    current += char;
  }
  if (current) rows.push(current);
  return rows;
}

describe('verifyAuditCsv', async () => {
  const { text, manifest } = await exportText(sampleAuditChain(40));
  const rows = splitRows(text);

  it('accepts an untouched export, read in chunks of any size', async () => {
    for (const size of [1, 7, 100, 100_000]) {
      const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
      expect(await verifyAuditCsv(chunks, { manifest })).toMatchObject({ ok: true, count: 40, headSeq: 40, headHash: manifest.heads[0]!.headHash });
    }
  });

  it('names an edited row by row number and seq', async () => {
    const edited = [...rows];
    // rows[0] is the header (row 1); rows[n] holds seq n on row n + 1.
    edited[5] = edited[5]!.replace('desk-1-e5', 'desk-1-e5x');
    expect(edited[5]).toContain('desk-1-e5x');
    expect(await verifyAuditCsv([edited.join('')], { manifest })).toMatchObject({ ok: false, problem: 'edited', row: 6, seq: 5 });
  });

  it('names a removed row by the first missing seq', async () => {
    const removed = rows.filter((_, i) => i !== 10);
    expect(await verifyAuditCsv([removed.join('')], { manifest })).toMatchObject({ ok: false, problem: 'removed', row: 11, seq: 10 });
  });

  it('names swapped rows as reordered', async () => {
    const swapped = [...rows];
    [swapped[12], swapped[13]] = [swapped[13]!, swapped[12]!];
    expect(await verifyAuditCsv([swapped.join('')], { manifest })).toMatchObject({ ok: false, problem: 'reordered', row: 13, seq: 13 });
  });

  it('names a cut-off tail with the manifest, and cannot without it', async () => {
    const cut = rows.slice(0, 31).join('');
    expect(await verifyAuditCsv([cut], { manifest })).toMatchObject({ ok: false, problem: 'truncated', row: 32, seq: 31 });
    expect(await verifyAuditCsv([cut])).toMatchObject({ ok: true, count: 30 });
  });

  it('catches an edited, removed or swapped row from the file alone, without a manifest', async () => {
    expect(await verifyAuditCsv([text])).toMatchObject({ ok: true, count: 40, headSeq: 40, headHash: manifest.heads[0]!.headHash });
    const edited = [...rows];
    edited[5] = edited[5]!.replace('desk-1-e5', 'desk-1-e5x');
    expect(await verifyAuditCsv([edited.join('')])).toMatchObject({ ok: false, problem: 'edited', row: 6, seq: 5 });
    expect(await verifyAuditCsv([rows.filter((_, i) => i !== 10).join('')])).toMatchObject({ ok: false, problem: 'removed', row: 11, seq: 10 });
    // The first row removed: the file no longer starts at seq 1.
    expect(await verifyAuditCsv([rows.filter((_, i) => i !== 1).join('')])).toMatchObject({ ok: false, problem: 'removed', row: 2, seq: 1 });
    const swapped = [...rows];
    [swapped[12], swapped[13]] = [swapped[13]!, swapped[12]!];
    expect(await verifyAuditCsv([swapped.join('')])).toMatchObject({ ok: false, problem: 'reordered', row: 13, seq: 13 });
  });

  it('refuses a row whose formula guard was stripped, even though its data still hashes right', async () => {
    const index = rows.findIndex((row) => row.includes(",'@SUM(1),"));
    expect(index).toBeGreaterThan(0);
    const stripped = [...rows];
    stripped[index] = stripped[index]!.replace(",'@SUM(1),", ',@SUM(1),');
    expect(await verifyAuditCsv([stripped.join('')], { manifest })).toMatchObject({ ok: false, problem: 'malformed', row: index + 1 });
  });

  it('refuses a re-spelt changes cell: the hash covers its exact canonical text', async () => {
    const respelt = [...rows];
    respelt[3] = respelt[3]!.replace('{""notes"":', '{ ""notes"": ');
    expect(respelt[3]).not.toBe(rows[3]);
    expect(await verifyAuditCsv([respelt.join('')], { manifest })).toMatchObject({ ok: false, problem: 'edited', row: 4, seq: 3 });
  });

  it('reports rows that are not an export at all', async () => {
    expect(await verifyAuditCsv(['name,age\r\nAna,3\r\n'])).toMatchObject({ ok: false, problem: 'malformed', row: 1 });
    expect(await verifyAuditCsv([''])).toMatchObject({ ok: false, problem: 'malformed', row: 1 });
    expect(await verifyAuditCsv([`${auditCsvColumns.join(',')}\r\n1,2,3\r\n`])).toMatchObject({ ok: false, problem: 'malformed', row: 2 });
    expect(await verifyAuditCsv([rows[0]! + rows[1]! + 'x,"broken\r\n'])).toMatchObject({ ok: false, problem: 'malformed', row: 3 });
  });

  it('catches added rows and rows of a device the manifest does not list', async () => {
    const other = await exportText(sampleAuditChain(2, { deviceId: 'desk-9' }));
    const added = text + splitRows(other.text).slice(1).join('');
    expect(await verifyAuditCsv([added], { manifest })).toMatchObject({ ok: false, problem: 'inserted', row: 42, seq: 1 });
  });

  describe('filtered exports', async () => {
    const source = [...sampleAuditChain(200)];
    const filtered = await exportText(source, { actions: ['APPOINTMENT_BOOKED', 'APPOINTMENT_EDITED', 'APPOINTMENT_MOVED'] });
    const filteredRows = splitRows(filtered.text);

    it('verify each row and the links between consecutive seqs', async () => {
      expect(filtered.manifest.filtered).toBe(true);
      expect(await verifyAuditCsv([filtered.text], { manifest: filtered.manifest })).toMatchObject({ ok: true, count: filtered.manifest.rows });
      const edited = [...filteredRows];
      edited[5] = edited[5]!.replace(',success,', ',denied,');
      expect(edited[5]).not.toBe(filteredRows[5]);
      expect(await verifyAuditCsv([edited.join('')], { manifest: filtered.manifest })).toMatchObject({ ok: false, problem: 'edited', row: 6 });
    });

    it('without a manifest, read their gaps as removals unless told the rows are not contiguous', async () => {
      // The sample chain cycles through its fixed list of actions, so the next APPOINTMENT_BOOKED is one full cycle later.
      const next = sampleActions.length;
      expect(await verifyAuditCsv([filtered.text])).toMatchObject({ ok: false, problem: 'removed', row: 4, seq: 3, message: `entries seq 3–${next - 1} are missing (before seq ${next}): entries were removed.` });
      expect(await verifyAuditCsv([filtered.text], { contiguous: false })).toMatchObject({ ok: true, count: filtered.manifest.rows, headHash: filtered.manifest.heads[0]!.headHash });
      const edited = [...filteredRows];
      edited[5] = edited[5]!.replace(',success,', ',denied,');
      expect(await verifyAuditCsv([edited.join('')], { contiguous: false })).toMatchObject({ ok: false, problem: 'edited', row: 6 });
    });

    it('catch a removed row through the manifest count, and a cut-off tail through its head', async () => {
      const removed = filteredRows.filter((_, i) => i !== 4).join('');
      expect(await verifyAuditCsv([removed], { manifest: filtered.manifest })).toMatchObject({ ok: false, problem: 'removed' });
      const cut = filteredRows.slice(0, -2).join('');
      expect(await verifyAuditCsv([cut], { manifest: filtered.manifest })).toMatchObject({ ok: false, problem: 'truncated' });
    });

    it('catch a row swapped for a genuine entry that was not exported', async () => {
      const chain = [...sampleAuditChain(300)];
      const lastSeq = filtered.manifest.heads[0]!.lastSeq;
      // A later entry the filter selects (appended after the export), and an earlier one it does not.
      const later = chain.find((entry) => entry.seq > lastSeq + 1 && entry.action === 'APPOINTMENT_MOVED')!;
      const swappedLast = [...filteredRows.slice(0, -1), auditCsvRow(later)].join('');
      expect(await verifyAuditCsv([swappedLast], { manifest: filtered.manifest })).toMatchObject({ ok: false, problem: 'inserted', seq: later.seq });
      const outsider = chain.find((entry) => entry.seq > 20 && entry.seq < 80 && entry.action === 'PATIENT_VIEWED')!;
      const rows = [...filteredRows];
      const at = rows.findIndex((row, i) => i > 0 && Number(row.split(',')[0]) > outsider.seq);
      rows.splice(at, 1, auditCsvRow(outsider));
      expect(await verifyAuditCsv([rows.join('')], { manifest: filtered.manifest })).toMatchObject({ ok: false, problem: 'inserted', seq: outsider.seq, row: at + 1 });
    });
  });
});
