import { describe, expect, it } from 'vitest';
import type { CommandError } from '../../core/commands';
import { refusalSentence } from './refusal-sentence';

const names = (id: string) => (id === 'dr-lee' ? 'Dr Lee' : id);

describe('refusalSentence', () => {
  it('names the first hard conflict with the resource’s name, not the engine’s English message', () => {
    const error: CommandError = {
      code: 'booking-conflict',
      message: 'The booking conflicts with existing bookings or closures (resource-double-booked).',
      hard: [{ kind: 'resource-double-booked', severity: 'hard', candidateId: 'a1', candidateStart: '2026-01-05T14:00:00.000Z', resourceId: 'dr-lee', existingIds: ['a2'], candidateIds: [] }],
      warnings: [],
    };
    const sentence = refusalSentence(error, names);
    expect(sentence).toContain('Dr Lee');
    expect(sentence).toContain('already booked');
    expect(sentence).not.toContain('resource-double-booked');
  });

  it('says other refusals with the field’s label from the i18n table', () => {
    const error: CommandError = { code: 'too-long', field: 'notes', message: 'String must contain at most 2000 character(s)' };
    expect(refusalSentence(error, names)).toBe('Notes is too long.');
  });
});
