import { useMemo } from 'react';
import type { ClinicLocale } from '../../core/model';
import { text } from '../i18n';
import { localeChoices } from './locale-choices';

/** Props of {@link LocalePicker}; `id` and the aria props come from `forms/Field`. */
export interface LocalePickerProps {
  value: ClinicLocale;
  onChange(locale: ClinicLocale): void;
  /** The computer's own locale (`deskLocale` of locale-choices.ts), listed first. */
  deskLocale: ClinicLocale;
  /** A date to write in each locale as its example (epoch ms). */
  exampleDate: number;
  name?: string;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * The locales the app writes dates and times for (core/model
 * `clinicLocales`) as a list, the computer's own first, each with a date
 * written its way. Nothing else can be chosen.
 *
 * @example <Field label="Language and region"><LocalePicker value={locale} onChange={setLocale} deskLocale="en-GB" exampleDate={Date.now()} /></Field>
 */
export function LocalePicker({ value, onChange, deskLocale, exampleDate, ...rest }: LocalePickerProps) {
  const choices = useMemo(() => localeChoices(deskLocale, text.zonePicker.languageTag, exampleDate), [deskLocale, exampleDate]);
  return (
    <select value={value} onChange={(event) => onChange(event.target.value as ClinicLocale)} {...rest}>
      {choices.map((choice) => (
        <option key={choice.locale} value={choice.locale}>
          {text.zonePicker.localeOption(choice.name, choice.example, choice.locale === deskLocale)}
        </option>
      ))}
    </select>
  );
}
