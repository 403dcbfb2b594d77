import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addCodedIssue, labelForPath, parseWith } from './zod-to-validation';
import { validationResult } from './validation-result';

const schema = z.object({
  givenName: z.string().trim().min(1).max(5),
  tags: z.array(z.string().max(3)),
  kind: z.enum(['room', 'provider']),
  email: z.email().optional(),
  zone: z.string().superRefine((text, context) => {
    if (text !== 'UTC') addCodedIssue(context, 'unknown-zone', `${text} is not a zone.`);
  }),
});
const valid = { givenName: 'Ada', tags: ['a'], kind: 'room', zone: 'UTC' };
const problem = (input: unknown) => {
  const result = validationResult(() => parseWith(schema, input));
  return result.ok ? undefined : result.problem;
};

describe('labelForPath', () => {
  it('splits camelCase and names list items', () => {
    expect(labelForPath(['givenName'])).toBe('Given name');
    expect(labelForPath(['resourceIds', 0])).toBe('Resources (item 1)');
    expect(labelForPath(['mrn'])).toBe('Medical record number');
  });
});

describe('parseWith', () => {
  it('returns the parsed value', () => {
    expect(parseWith(schema, { ...valid, givenName: ' Ada ' }).givenName).toBe('Ada');
  });

  it('reports a missing field as required with a sentence', () => {
    expect(problem({ ...valid, givenName: undefined })).toEqual({ code: 'required', field: 'givenName', message: 'Given name is required.' });
  });

  it('reports a blank required text as required', () => {
    expect(problem({ ...valid, givenName: '   ' })).toMatchObject({ code: 'required', field: 'givenName' });
  });

  it('reports over-long text as too-long with the limit', () => {
    expect(problem({ ...valid, givenName: 'Adelaide' })).toEqual({ code: 'too-long', field: 'givenName', message: 'Given name must be at most 5 characters.' });
  });

  it('names list items with a dotted path', () => {
    expect(problem({ ...valid, tags: ['a', 'long'] })).toMatchObject({ code: 'too-long', field: 'tags.1' });
  });

  it('lists the allowed choices for an enum', () => {
    expect(problem({ ...valid, kind: 'desk' })).toEqual({ code: 'invalid-format', field: 'kind', message: 'Kind must be one of: room, provider.' });
  });

  it('reports wrong types and bad formats as invalid-format', () => {
    expect(problem({ ...valid, givenName: 7 })).toEqual({ code: 'invalid-format', field: 'givenName', message: 'Given name must be text.' });
    expect(problem({ ...valid, email: 'ada@' })).toMatchObject({ code: 'invalid-format', field: 'email' });
  });

  it('keeps the code a refinement chose', () => {
    expect(problem({ ...valid, zone: 'Mars' })).toEqual({ code: 'unknown-zone', field: 'zone', message: 'Mars is not a zone.' });
  });

  it('prefixes the field when the record sits inside a bigger input', () => {
    const result = validationResult(() => parseWith(schema, { ...valid, kind: 'x' }, 'rows.3'));
    expect(result).toMatchObject({ ok: false, problem: { field: 'rows.3.kind' } });
  });
});
