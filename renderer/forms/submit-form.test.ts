import { describe, expect, it } from 'vitest';
import { text } from '../i18n';
import { submitForm } from './submit-form';
import type { SaveOutcome } from './submit-form';

/** Runs one submission and records what the form would show, in order. */
async function submitWith(save: () => Promise<SaveOutcome<string>>) {
  const log: string[] = [];
  let errors: Record<string, string> = { stale: 'from the last try' };
  await submitForm({
    save,
    errorsOf: (refusal) => ({ name: `refused: ${refusal}` }),
    onSaved: () => log.push('saved'),
    setBusy: (busy) => log.push(busy ? 'busy' : 'idle'),
    setErrors: (next) => {
      errors = next;
      log.push(`errors ${JSON.stringify(next)}`);
    },
  });
  return { log, errors };
}

describe('submitForm', () => {
  it('clears the old errors, saves, then closes before it stops being busy', async () => {
    const { log, errors } = await submitWith(async () => ({ ok: true }));
    expect(log).toEqual(['busy', 'errors {}', 'saved', 'idle']);
    expect(errors).toEqual({});
  });

  it('shows a refusal next to its field and stays open', async () => {
    const { log, errors } = await submitWith(async () => ({ ok: false, error: 'name-taken' }));
    expect(log).not.toContain('saved');
    expect(errors).toEqual({ name: 'refused: name-taken' });
    expect(log.at(-1)).toBe('idle');
  });

  it('turns anything thrown into the form-level sentence and is never left busy', async () => {
    const { log, errors } = await submitWith(async () => {
      throw new Error('database closed');
    });
    expect(errors).toEqual({ form: text.app.unexpectedError });
    expect(log).not.toContain('saved');
    expect(log.at(-1)).toBe('idle');
  });
});
