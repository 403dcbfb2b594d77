import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Resource, WaitlistEntry } from '../../core/model';
import { useCommand } from '../data/useCommand';
import { Field } from '../forms/Field';
import { FormError } from '../forms/FormError';
import { liveMessages, refusalSentence, text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import { emptyOfferForm, offerArgs } from './waitlist-offer';
import type { OfferField, OfferForm } from './waitlist-offer';

const words = liveMessages('waitlist');

/**
 * Records a time put to the patient, by phone or at the desk
 * (`waitlist/offer`): a provider they want (any of the desk's if they take
 * any), a date and a time on that provider's clock; the slot is as long
 * as their visit. A bad field is named beside it, a time the booking check
 * refuses says why; the entry then shows
 * "Offered Tue Jan 12, 10:30 AM, with Dr Lee" until it is booked or declined.
 *
 * @example <WaitlistOfferForm entry={entry} name="Ada Lovelace" providers={providers} today="2027-01-12" onDone={close} />
 */
export function WaitlistOfferForm({ entry, name, providers, today, onDone }: { entry: WaitlistEntry; name: string; providers: readonly Resource[]; today: string; onDone(): void }) {
  const run = useCommand();
  const show = useNotices((state) => state.show);
  const wanted = Array.isArray(entry.providers) ? providers.filter((provider) => (entry.providers as string[]).includes(provider.id)) : providers;
  const [form, setForm] = useState<OfferForm>(() => emptyOfferForm(entry, wanted.map((provider) => provider.id), today));
  const [errors, setErrors] = useState<Partial<Record<OfferField, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const change = (part: Partial<OfferForm>) => setForm((current) => ({ ...current, ...part }));
  const zones = new Map(providers.map((provider) => [provider.id, provider.timeZone]));

  async function save(event: FormEvent) {
    event.preventDefault();
    const built = offerArgs(entry, form, zones);
    if (!built.ok) {
      setErrors({ [built.field]: text.validation[built.code](words.offerFields[built.field]) });
      return;
    }
    const result = await run('waitlist/offer', built.args);
    if (!result.ok) {
      setErrors({});
      // A time the booking check refuses (taken, the patient elsewhere) is named with whom, as the booking dialog does.
      setFormError(refusalSentence(result.error, (id) => providers.find((provider) => provider.id === id)?.name ?? id));
      return;
    }
    show(words.offered(name));
    onDone();
  }

  return (
    <form onSubmit={(event) => void save(event)} noValidate aria-label={words.offerTitle(name)} data-testid="waitlist-offer">
      <div className="field-row">
        <Field label={words.offerFields.provider} error={errors.provider}>
          <select name="offerProvider" value={form.providerId} onChange={(event) => change({ providerId: event.target.value })} autoFocus>
            {wanted.map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={words.offerFields.date} error={errors.date}>
          <input type="date" name="offerDate" value={form.date} onChange={(event) => change({ date: event.target.value })} />
        </Field>
        <Field label={words.offerFields.time} error={errors.time}>
          <input type="time" name="offerTime" step={300} value={form.time} onChange={(event) => change({ time: event.target.value })} />
        </Field>
      </div>
      <FormError message={formError} />
      <div className="form-actions">
        <button type="button" onClick={onDone}>
          {words.cancelOffer}
        </button>
        <button type="submit" className="primary">
          {words.confirmOffer}
        </button>
      </div>
    </form>
  );
}
