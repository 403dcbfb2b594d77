import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, guardFormula, needsFormulaGuard, quoteField, unguardFormula } from './csv-cell';

describe('formula guard', () => {
  it('guards the OWASP trigger characters, also after leading whitespace', () => {
    for (const text of ['=1+2', '+cmd', '-2+3', '@SUM(1)', '\tx', '\rx', '\nx', '   =1', ' \u00a0+1', '  \t', '\0x']) {
      expect(guardFormula(text), JSON.stringify(text)).toBe(`'${text}`);
    }
  });

  it('leaves ordinary text alone, including inner formula characters', () => {
    for (const text of ['Ana', '42', 'a=b', 'O\'Brien, Pat', 'محمد', '🏃 late', '', '   ', '2026-03-09T14:05:00.000Z']) {
      expect(guardFormula(text), JSON.stringify(text)).toBe(text);
    }
  });

  it("also guards text that starts with ' so that removing the guard is exact", () => {
    expect(guardFormula("'quoted")).toBe("''quoted");
    expect(guardFormula("  'x")).toBe("'  'x");
    expect(unguardFormula("''quoted")).toBe("'quoted");
  });

  it('round-trips any text exactly', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'", ' ').chain((c) => fc.string().map((s) => c + s))), (text) => {
        expect(unguardFormula(guardFormula(text))).toBe(text);
        expect(needsFormulaGuard(guardFormula(text)) ? guardFormula(text).startsWith("'") : true).toBe(true);
      }),
    );
  });

  it('refuses cells our exporter never writes: a stripped guard or a guard on nothing', () => {
    expect(unguardFormula('=HYPERLINK("http://x","y")')).toBeUndefined();
    expect(unguardFormula('  -2+3')).toBeUndefined();
    expect(unguardFormula("'Ana")).toBeUndefined();
  });
});

describe('quoteField', () => {
  it('quotes only fields holding a comma, quote, CR or LF and doubles inner quotes', () => {
    expect(quoteField('plain')).toBe('plain');
    expect(quoteField('a,b')).toBe('"a,b"');
    expect(quoteField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteField('a\rb')).toBe('"a\rb"');
    expect(quoteField('a\nb')).toBe('"a\nb"');
  });

  it('combines with the guard as in the OWASP example', () => {
    expect(csvCell('=1+2";=1+2')).toBe(`"'=1+2"";=1+2"`);
  });
});
