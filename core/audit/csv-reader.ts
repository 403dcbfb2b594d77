/**
 * A CSV file that breaks RFC 4180 (a stray quote, a bare CR). `row` is the
 * 1-based record number, counting the header, as a spreadsheet shows it.
 */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';

  constructor(
    readonly row: number,
    message: string,
  ) {
    super(`row ${row}: ${message}`);
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Incremental RFC 4180 reader: feed text chunks cut anywhere (inside a quoted
 * field, between CR and LF) and get back the records completed so far. Quoted
 * fields may hold commas, quotes (doubled) and line breaks. Records end with
 * CRLF (LF alone is accepted too, for files re-saved on Unix); a bare CR
 * outside quotes, or a quote inside an unquoted field, is a CsvSyntaxError.
 * Only the unfinished record is kept between chunks, so memory stays flat.
 *
 * @example
 * const reader = new CsvRecordReader();
 * reader.feed('a,"b\r\n');  // []
 * reader.feed('c"\r\n');    // [['a', 'b\r\nc']]
 * reader.end();             // []
 */
export class CsvRecordReader {
  private buffer = '';
  private records = 0;
  // An unfinished record is parsed again from its start when more text
  // arrives. Waiting until the buffer has doubled keeps that linear: a hostile
  // file with one endless quoted field would otherwise cost O(n²).
  private parseAt = 0;

  /** Appends a chunk; returns the records it completed. */
  feed(chunk: string): string[][] {
    this.buffer = this.buffer === '' ? chunk : this.buffer + chunk;
    if (this.buffer.length < this.parseAt) return [];
    return this.parse(false);
  }

  /** Ends the input; returns the last record if the file does not end with a line break. */
  end(): string[][] {
    return this.parse(true);
  }

  private parse(final: boolean): string[][] {
    const out: string[][] = [];
    const text = this.buffer;
    const length = text.length;
    let pos = 0;
    let start = 0;
    records: while (pos < length) {
      start = pos;
      const fields: string[] = [];
      for (;;) {
        if (pos < length && text.charCodeAt(pos) === QUOTE) {
          let from = pos + 1;
          let value = '';
          for (;;) {
            const quote = text.indexOf('"', from);
            if (quote === -1) {
              if (final) throw new CsvSyntaxError(this.records + 1, 'a quoted field is never closed');
              break records;
            }
            if (quote + 1 >= length && !final) break records;
            if (text.charCodeAt(quote + 1) === QUOTE) {
              value += text.slice(from, quote + 1);
              from = quote + 2;
              continue;
            }
            value += text.slice(from, quote);
            pos = quote + 1;
            break;
          }
          fields.push(value);
          if (pos < length) {
            const next = text.charCodeAt(pos);
            if (next !== COMMA && next !== CR && next !== LF) throw new CsvSyntaxError(this.records + 1, 'text follows a closing quote');
          }
        } else {
          let end = pos;
          while (end < length) {
            const code = text.charCodeAt(end);
            if (code === COMMA || code === CR || code === LF) break;
            if (code === QUOTE) throw new CsvSyntaxError(this.records + 1, 'a quote inside an unquoted field');
            end++;
          }
          fields.push(text.slice(pos, end));
          pos = end;
        }
        if (pos >= length) {
          if (!final) break records;
          break;
        }
        const code = text.charCodeAt(pos);
        if (code === COMMA) {
          pos++;
          continue;
        }
        if (code === LF) {
          pos++;
          break;
        }
        // CR: must be the first half of CRLF.
        if (pos + 1 >= length && !final) break records;
        if (text.charCodeAt(pos + 1) !== LF) throw new CsvSyntaxError(this.records + 1, 'a line break (CR) outside quotes');
        pos += 2;
        break;
      }
      out.push(fields);
      this.records++;
      start = pos;
    }
    this.buffer = text.slice(start);
    this.parseAt = this.buffer.length * 2;
    return out;
  }
}
