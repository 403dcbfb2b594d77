import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { hashedBody } from './chain';
import { canonicalChangesJson, canonicalEntryJson } from './entry-json';
import { auditEntrySchema, type AuditEntry } from './entry';
import { sampleAuditChain } from './sample-chain';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code unit at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    // RFC 8785 §3.2.3: "\u20ac" (€) sorts after "\r" and before the emoji's surrogate pair.
    expect(canonicalJson({ '😂': 1, '€': 2, '\r': 3, '1': 4 })).toBe('{"\\r":3,"1":4,"€":2,"😂":1}');
  });

  it('writes numbers as ECMAScript does (RFC 8785 §3.2.2.3 examples)', () => {
    expect(canonicalJson([1e21, 1e-7, 0.000001, -0, 333333333.3333333, 1e23, 4.5, 2e-3])).toBe('[1e+21,1e-7,0.000001,0,333333333.3333333,1e+23,4.5,0.002]');
  });

  it('escapes only what JSON requires and keeps other text as is', () => {
    expect(canonicalJson({ s: 'é "q" \\ \u0007 \n محمد' })).toBe('{"s":"é \\"q\\" \\\\ \\u0007 \\n محمد"}');
  });

  it('refuses values JSON cannot hold instead of hashing something else', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ n: Infinity })).toThrow();
    expect(() => canonicalJson({ s: 'half \ud83d emoji' })).toThrow();
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });

  it('gives the same text for the same value whatever the key insertion order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('the fast entry serialisers match the general canonicaliser', () => {
  const changeValue = fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.jsonValue());
  const fieldName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.]{0,10}$/);

  it('canonicalChangesJson equals canonicalJson for any field-level changes', () => {
    fc.assert(
      fc.property(fc.dictionary(fieldName, fc.record({ before: changeValue, after: changeValue })), (changes) => {
        expect(canonicalChangesJson(changes as AuditEntry['changes'])).toBe(canonicalJson(changes));
      }),
    );
  });

  it('canonicalEntryJson equals canonicalJson of the hashed body for varied entries', () => {
    for (const entry of sampleAuditChain(60)) {
      expect(auditEntrySchema.parse(entry)).toEqual(entry);
      expect(canonicalEntryJson(entry, canonicalChangesJson(entry.changes))).toBe(canonicalJson(hashedBody(entry)));
    }
  });

  it('matches for text that needs escaping: quotes, backslashes, control characters, emoji, U+2028', () => {
    const [template] = sampleAuditChain(1);
    for (const tricky of ['say "hi"', 'back\\slash', 'tab\there', 'nul\u0000', 'bell\u0007', 'del\u007f', '🏃‍♀️', 'line\u2028sep', 'é']) {
      const entry = { ...template!, reason: tricky, entityId: tricky, changes: { note: { before: tricky, after: [tricky, 1.5] } } };
      expect(canonicalEntryJson(entry, canonicalChangesJson(entry.changes))).toBe(canonicalJson(hashedBody(entry)));
    }
  });

  it('matches for arbitrary text in every field', () => {
    const [template] = sampleAuditChain(1);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.boolean(), (name, reason, system) => {
        const entry = {
          ...template!,
          actor: system ? { kind: 'system' as const, systemId: name || 'x', displayName: reason || 'y' } : { kind: 'staff' as const, staffId: reason || 'x', displayName: name || 'y', role: 'r' },
          reason: reason === '' ? null : reason.replace(/\p{Cs}/gu, '?'),
          entityId: name || 'e',
        };
        expect(canonicalEntryJson(entry, canonicalChangesJson(entry.changes))).toBe(canonicalJson(hashedBody(entry)));
      }),
    );
  });
});
