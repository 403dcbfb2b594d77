import { describe, expect, it } from 'vitest';
import { BackupError } from './backup-error';
import { readBackupHeader } from './backup-file';
import { readAll, slices, testRecipient, writeTestFile } from './backup-file.fixture';

const segments = ['{"formatName":"dexie"}', '{"tableName":"patients","inbound":true,"rows":[{"id":"p1","name":"Zoë"}]}', '{"tableName":"audit","inbound":true,"rows":[]}'];

async function problemOf(promise: Promise<unknown>): Promise<BackupError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(BackupError);
  return error as BackupError;
}

/** The offsets of each frame (after the header) in a file. */
function frameOffsets(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  let offset = 'TIMEDESK-BACKUP/1\n'.length;
  offset += 4 + view.getUint32(offset);
  const offsets: number[] = [];
  while (offset < bytes.length) {
    offsets.push(offset);
    offset += 4 + view.getUint32(offset);
  }
  return offsets;
}

describe('backup file format', () => {
  it('round-trips the segments, in order, read in pieces of any size', async () => {
    const recipient = await testRecipient();
    const { bytes, header } = await writeTestFile(segments, recipient);
    expect(await readAll(bytes)).toEqual(segments);
    expect(await readBackupHeader(slices(bytes, 1))).toEqual(header);
    // The header is plain: clinic and counts are readable without the passphrase; the rows are not.
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('TIMEDESK-BACKUP/1\n')).toBe(true);
    expect(text).toContain('North Street');
    expect(text).not.toContain('Zoë');
    expect(text).not.toContain('patients');
  });

  it('tells a wrong passphrase from an altered file', async () => {
    const { bytes } = await writeTestFile(segments, await testRecipient());
    expect((await problemOf(readAll(bytes, 'not the passphrase at all'))).code).toBe('wrong-passphrase');
    const altered = bytes.slice();
    altered[altered.length - 20]! ^= 1;
    const problem = await problemOf(readAll(altered));
    expect(problem.code).toBe('file-altered');
    expect(problem.detail?.chunk).toBe(2);
  });

  it('refuses an edited header, even one that still parses (its digest is in every chunk)', async () => {
    const { bytes } = await writeTestFile(segments, await testRecipient());
    const text = new TextDecoder().decode(bytes);
    const at = text.indexOf('North Street');
    const edited = bytes.slice();
    edited.set(new TextEncoder().encode('South Street'), at);
    const problem = await problemOf(readAll(edited));
    expect(problem).toMatchObject({ code: 'file-altered', detail: { chunk: 0 } });
  });

  it('refuses a file cut after a chunk, a dropped chunk, swapped chunks and trailing bytes', async () => {
    const { bytes } = await writeTestFile(segments, await testRecipient());
    const [, second, third] = frameOffsets(bytes) as [number, number, number];
    expect(await problemOf(readAll(bytes.slice(0, third)))).toMatchObject({ code: 'file-truncated', detail: { chunk: 1 } });
    expect((await problemOf(readAll(bytes.slice(0, third - 3)))).code).toBe('file-truncated');
    const dropped = new Uint8Array([...bytes.slice(0, second), ...bytes.slice(third)]);
    expect(await problemOf(readAll(dropped))).toMatchObject({ code: 'file-altered', detail: { chunk: 1 } });
    const swapped = new Uint8Array([...bytes.slice(0, second), ...bytes.slice(third), ...bytes.slice(second, third)]);
    expect((await problemOf(readAll(swapped))).code).toBe('file-altered');
    const trailing = new Uint8Array([...bytes, 0, 0, 0, 0]);
    expect((await problemOf(readAll(trailing))).code).toBe('trailing-data');
  });

  it('names what is not a backup, a newer format and a damaged header before asking for a key', async () => {
    const { bytes } = await writeTestFile(segments, await testRecipient());
    const header = (input: Uint8Array) => problemOf(readBackupHeader(slices(input)));
    expect((await header(new TextEncoder().encode('BEGIN:VCALENDAR\r\n'))).code).toBe('not-a-backup');
    expect((await header(new Uint8Array(0))).code).toBe('not-a-backup');
    const newer = new TextEncoder().encode('TIMEDESK-BACKUP/2\n{}');
    expect((await header(newer)).code).toBe('newer-format');
    const damaged = bytes.slice();
    damaged['TIMEDESK-BACKUP/1\n'.length + 4]! = 0x5b; // '[' instead of '{'
    expect((await header(damaged)).code).toBe('header-damaged');
    expect((await header(bytes.slice(0, 30))).code).toBe('file-truncated');
  });

  it('refuses a header whose key settings would exhaust memory', async () => {
    const recipient = await testRecipient();
    const { bytes } = await writeTestFile(segments, recipient);
    const text = new TextDecoder().decode(bytes);
    // The header grows, so its length prefix is rebuilt: only the KDF setting is hostile.
    const start = 'TIMEDESK-BACKUP/1\n'.length;
    const headerLength = new DataView(bytes.buffer).getUint32(start);
    const headerText = text.slice(start + 4, start + 4 + headerLength).replace('"N":16384', '"N":1073741824');
    const headerBytes = new TextEncoder().encode(headerText);
    const rebuilt = new Uint8Array(start + 4 + headerBytes.length);
    rebuilt.set(bytes.slice(0, start));
    new DataView(rebuilt.buffer).setUint32(start, headerBytes.length);
    rebuilt.set(headerBytes, start + 4);
    const problem = await problemOf(readBackupHeader(slices(rebuilt)));
    expect(problem.code).toBe('header-damaged');
    expect(problem.message).toContain('encryption.kdf.N');
  });
});
