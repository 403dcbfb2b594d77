import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { quoteField } from './csv-cell';
import { CsvRecordReader, CsvSyntaxError } from './csv-reader';

function readAll(chunks: readonly string[]): string[][] {
  const reader = new CsvRecordReader();
  return [...chunks.flatMap((chunk) => reader.feed(chunk)), ...reader.end()];
}

const sample = 'a,"b, with comma","say ""hi"""\r\n"multi\r\nline","lf\nonly",\r\n,"",x\r\n';

describe('CsvRecordReader', () => {
  it('reads RFC 4180 records with quoted commas, quotes and line breaks', () => {
    expect(readAll([sample])).toEqual([
      ['a', 'b, with comma', 'say "hi"'],
      ['multi\r\nline', 'lf\nonly', ''],
      ['', '', 'x'],
    ]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const whole = readAll([sample]);
    for (let cut = 0; cut <= sample.length; cut++) {
      for (let second = cut; second <= sample.length; second += 3) {
        expect(readAll([sample.slice(0, cut), sample.slice(cut, second), sample.slice(second)])).toEqual(whole);
      }
    }
  });

  it('agrees with papaparse on random tables, chunked anywhere', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', 'é', '😀') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 4 }), (rows, cuts) => {
        const text = rows.map((row) => row.map(quoteField).join(',')).join('\r\n') + '\r\n';
        const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((start, i) => text.slice(start, [...points, text.length][i]));
        expect(readAll(chunks)).toEqual(rows);
        expect(Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: false }).data.slice(0, rows.length)).toEqual(rows);
      }),
    );
  });

  it('reads a last record without a final line break, and LF-only files', () => {
    expect(readAll(['a,b\r\nc,d'])).toEqual([['a', 'b'], ['c', 'd']]);
    expect(readAll(['a,b\nc,d\n'])).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('reports a quoted field that never closes, however many chunks it spans', () => {
    const reader = new CsvRecordReader();
    expect(reader.feed('seq,id\r\n1,"')).toEqual([['seq', 'id']]);
    for (let i = 0; i < 2000; i++) expect(reader.feed('never closed, ')).toEqual([]);
    expect(() => reader.end()).toThrow(CsvSyntaxError);
  });

  it('names the record that breaks the format', () => {
    const failure = (text: string) => {
      try {
        readAll([text]);
      } catch (error) {
        return error instanceof CsvSyntaxError ? error.row : error;
      }
      return 'parsed';
    };
    expect(failure('a,b\r\nc,"d\r\n')).toBe(2);
    expect(failure('a,b\r\nc,d"e\r\n')).toBe(2);
    expect(failure('a\r\n"b"c\r\n')).toBe(2);
    expect(failure('a\rb\r\n')).toBe(1);
  });
});
