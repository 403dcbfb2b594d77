import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a JSON value: object keys
 * sorted by UTF-16 code unit, no whitespace, numbers written as ECMAScript
 * does (`1e+21`, `0.1`, never `1.0`), strings escaped as JSON.stringify does.
 * The same value always gives the same text, so it can be hashed.
 *
 * Delegates to `canonicalize` (erdtman/canonicalize, by an RFC 8785 author)
 * rather than re-implementing the number rules. Throws for what JSON cannot
 * hold: NaN, Infinity, lone UTF-16 surrogates, cycles, or a value that is not
 * JSON at all (undefined, a function). Properties whose value is `undefined`
 * are dropped, as JSON.stringify does, so callers hash only plain JSON.
 *
 * @example canonicalJson({ b: 1, a: [true, null, 'x'] }) // '{"a":[true,null,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('canonicalJson: the value has no JSON form.');
  return text;
}
