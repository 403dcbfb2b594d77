import { text } from '../i18n';

/** Props of {@link CharacterCount}. */
export interface CharacterCountProps {
  value: string;
  /** The field's limit, from core/model's `textLimits` (the number the engine refuses past). */
  limit: number;
  id?: string;
}

/**
 * "1,804 of 2,000 characters", shown once a field is past 80% of its limit,
 * and "2,312 of 2,000 characters: 312 too many" past it. Fields have no
 * `maxLength`, so a long paste is never cut short without a word: the count
 * says so, and Save is refused (`too-long`) beside the field.
 *
 * @example <CharacterCount value={notes} limit={textLimits.notes} />
 */
export function CharacterCount({ value, limit, id }: CharacterCountProps) {
  const count = value.length;
  if (count < limit * 0.8) return null;
  const over = count > limit;
  return (
    <p className={over ? 'field-error character-count' : 'field-hint character-count'} id={id} data-testid="character-count" aria-live="polite">
      {text.forms.characters(count, limit)}
    </p>
  );
}
