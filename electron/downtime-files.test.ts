import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupFileStore } from './backup-files';
import { handleWriteDowntimePack } from './downtime-bridge-handlers';
import { writeDowntimeFiles } from './downtime-files';
import { createHtmlToPdf } from './pdf-print';
import type { HiddenPage } from './pdf-print';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'timedesk-downtime-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const pack = (first: string) => [
  { name: `${first}-day-sheet.html`, text: `<!doctype html><p>${first}</p>` },
  { name: 'visits.csv', text: '\uFEFFDate,Time\r\n' },
  { name: 'phone-list.html', text: '<!doctype html><p>phones</p>' },
  { name: 'phone-list.csv', text: '\uFEFFPatient,Phone\r\n' },
];
const fakePdf = async (html: string) => new TextEncoder().encode(`%PDF fake of ${html}`);

describe('writeDowntimeFiles', () => {
  it('writes every file whole into downtime/ with a PDF beside each day sheet, leaving no .partial', async () => {
    const result = await writeDowntimeFiles(root, pack('2026-03-09'), fakePdf);
    expect(result).toEqual({ folder: path.join(root, 'downtime'), names: ['2026-03-09-day-sheet.html', '2026-03-09-day-sheet.pdf', 'visits.csv', 'phone-list.html', 'phone-list.csv'], pdfProblem: null });
    expect((await readdir(result.folder)).sort()).toEqual(['2026-03-09-day-sheet.html', '2026-03-09-day-sheet.pdf', 'phone-list.csv', 'phone-list.html', 'visits.csv']);
    expect(await readFile(path.join(result.folder, '2026-03-09-day-sheet.pdf'), 'utf8')).toBe('%PDF fake of <!doctype html><p>2026-03-09</p>');
  });

  it('a refresh replaces the files of the same name and removes the day sheets of days no longer covered; other files stay', async () => {
    await writeDowntimeFiles(root, pack('2026-03-09'), fakePdf);
    await writeFile(path.join(root, 'downtime', 'notes.txt'), 'mine');
    await writeFile(path.join(root, 'downtime', '2026-03-08-day-sheet.html.partial'), 'cut');
    await writeDowntimeFiles(root, [{ name: '2026-03-10-day-sheet.html', text: 'new day' }, { name: 'visits.csv', text: 'new csv' }], fakePdf);
    expect((await readdir(path.join(root, 'downtime'))).sort()).toEqual(['2026-03-10-day-sheet.html', '2026-03-10-day-sheet.pdf', 'notes.txt', 'phone-list.csv', 'phone-list.html', 'visits.csv']);
    expect(await readFile(path.join(root, 'downtime', 'visits.csv'), 'utf8')).toBe('new csv');
  });

  it('keeps the HTML when printing to PDF fails, and says why; refuses a name outside the pack', async () => {
    const result = await writeDowntimeFiles(root, pack('2026-03-09'), async () => {
      throw new Error('printing failed');
    });
    expect(result.pdfProblem).toBe('printing failed');
    expect(result.names).toContain('2026-03-09-day-sheet.html');
    expect(result.names).not.toContain('2026-03-09-day-sheet.pdf');
    await expect(writeDowntimeFiles(root, [{ name: '../evil.html', text: 'x' }], null)).rejects.toThrow('Not a downtime pack file name');
  });
});

describe('createHtmlToPdf (Electron cannot run here: a fake hidden page stands in for the BrowserWindow)', () => {
  it('loads the sheet as a data: URL, prints it with the CSS page size, and closes the page even when printing fails', async () => {
    const calls: string[] = [];
    const page = (fail: boolean): HiddenPage => ({
      loadURL: async (url) => void calls.push(`load ${decodeURIComponent(url)}`),
      printToPDF: async (options) => {
        calls.push(`print ${JSON.stringify(options)}`);
        if (fail) throw new Error('no printer');
        return new Uint8Array([37, 80, 68, 70]);
      },
      close: () => void calls.push('close'),
    });
    expect(await createHtmlToPdf(() => page(false))('<p>Ada & Al</p>')).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(calls).toEqual(['load data:text/html;charset=utf-8,<p>Ada & Al</p>', 'print {"pageSize":"A4","printBackground":false,"preferCSSPageSize":true}', 'close']);
    calls.length = 0;
    await expect(createHtmlToPdf(() => page(true))('<p>x</p>')).rejects.toThrow('no printer');
    expect(calls.at(-1)).toBe('close');
  });
});

describe('handleWriteDowntimePack', () => {
  it('writes into the chosen backup folder, answers no-folder without one, and refuses bad names naming the field', async () => {
    const userData = path.join(root, 'user-data');
    const usb = path.join(root, 'usb');
    await mkdir(userData);
    await mkdir(usb);
    const files = new BackupFileStore(userData);
    const host = { files, htmlToPdf: null };
    expect(await handleWriteDowntimePack(host, [{ files: pack('2026-03-09') }])).toEqual({ outcome: 'no-folder' });
    expect(await files.choose(usb)).toMatchObject({ ok: true });
    expect(await handleWriteDowntimePack(host, [{ files: pack('2026-03-09') }])).toMatchObject({ outcome: 'written', folder: path.join(usb, 'downtime'), pdfProblem: 'This shell cannot print to PDF.' });
    expect(await handleWriteDowntimePack(host, [{ files: [{ name: 'a/../../x.html', text: '' }] }])).toMatchObject({ outcome: 'refused', problem: { field: 'request.files.0.name' } });
    expect(await handleWriteDowntimePack(host, [{ files: [pack('2026-03-09')[1], pack('2026-03-09')[1]] }])).toMatchObject({ outcome: 'refused', problem: { field: 'request.files' } });
    await rm(usb, { recursive: true });
    expect(await handleWriteDowntimePack(host, [{ files: pack('2026-03-09') }])).toMatchObject({ outcome: 'failed' });
  });
});
