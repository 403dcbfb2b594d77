import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { isValidationProblem } from '../../core/validation';
import type { OpeningQuery } from '../../core/openings';
import { useAppointmentDialog } from '../appointment-dialog/appointment-dialog-store';
import { useNow } from '../app/useNow';
import { useClinic } from '../data/useClinic';
import { useResources } from '../data/useResources';
import { todayIn } from '../dates/calendar-dates';
import { FormError } from '../forms/FormError';
import { clinicFormat, liveMessages, text } from '../i18n';
import { checkOpeningForm, defaultOpeningForm, openingProblem } from './opening-form';
import type { OpeningField, OpeningForm } from './opening-form';
import { bookingDraftFor, openingDays, whySentence } from './opening-results';
import type { OpeningRow } from './opening-results';
import { OpeningQueryFields } from './OpeningQueryFields';
import { OpeningResults } from './OpeningResults';
import { useOpeningsSearch } from './useOpeningsSearch';
import './openings.css';

const words = liveMessages('openings');

/**
 * *Find an opening* beside the day sheet: the quick fields, then the
 * openings earliest first (core/openings `findOpenings`, live), or, when
 * none fits, why for each provider (`whyNoOpenings`). A refused field is
 * named beside it. Choosing an opening opens the booking dialog filled in
 * with it (and the patient searched for); the dialog's own check and
 * `appointment/book` decide, as for any booking. The panel stays open with
 * its search, so a taken time simply leaves the list.
 *
 * @example <OpeningsPanel onClose={close} />
 */
export function OpeningsPanel({ onClose }: { onClose(): void }) {
  const clinic = useClinic();
  const now = useNow();
  const format = useMemo(() => clinicFormat(clinic.locale, clinic.timeZone), [clinic.locale, clinic.timeZone]);
  const resources = useResources();
  const providers = resources.filter((resource) => resource.kind === 'provider');
  const rooms = resources.filter((resource) => resource.kind === 'room');
  const byId = useMemo(() => new Map(resources.map((resource) => [resource.id, resource])), [resources]);
  const openDialog = useAppointmentDialog((state) => state.open);
  const [form, setForm] = useState<OpeningForm>(() => defaultOpeningForm(todayIn(clinic.timeZone, now)));
  const [refusal, setRefusal] = useState<{ field: OpeningField; message: string } | null>(null);
  const [searched, setSearched] = useState<{ query: OpeningQuery; form: OpeningForm } | null>(null);
  const found = useOpeningsSearch(searched?.query ?? null);

  function search(event: FormEvent) {
    event.preventDefault();
    const checked = checkOpeningForm(form, { timeZone: clinic.timeZone, now: Date.now() }, text);
    if (!checked.ok) {
      setRefusal({ field: checked.field, message: checked.message });
      setSearched(null);
      return;
    }
    setRefusal(null);
    setSearched({ query: checked.query, form });
  }

  function book(row: OpeningRow) {
    openDialog(bookingDraftFor(row.opening, clinic.timeZone, searched?.form.patient ?? null));
  }

  // A resource removed on another desk since the form was filled in: the engine names it.
  const failure = found.status === 'failed' ? (isValidationProblem(found.error) ? openingProblem(found.error, text) : { field: null, message: words.failed }) : null;
  const shown = refusal ?? (failure?.field ? { field: failure.field, message: failure.message } : null);
  const errors: Partial<Record<OpeningField, string>> = shown ? { [shown.field]: shown.message } : {};
  const result = found.status === 'ready' ? found.value : null;
  const wanted = Number(searched?.query.durationMinutes ?? 0);

  return (
    <aside
      className="openings-panel"
      aria-label={words.title}
      data-testid="openings-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) onClose();
      }}
    >
      <h2>{words.title}</h2>
      <p className="field-hint">{words.intro}</p>
      <form onSubmit={search} noValidate>
        <OpeningQueryFields form={form} onChange={(change) => setForm((current) => ({ ...current, ...change }))} providers={providers} rooms={rooms} errors={errors} format={format} />
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {words.close}
          </button>
          <button type="submit" className="primary">
            {words.search}
          </button>
        </div>
      </form>
      {failure && !failure.field ? <FormError message={failure.message} /> : null}
      {searched && found.status === 'loading' ? <p role="status">{words.searching}</p> : null}
      {result && result.openings.length > 0 ? (
        <>
          <p role="status">{words.count(result.openings.length)}</p>
          <OpeningResults days={openingDays(result.openings, byId, clinic.timeZone)} format={format} locale={clinic.locale} clinicTimeZone={clinic.timeZone} onBook={book} />
        </>
      ) : null}
      {result && result.openings.length === 0 ? (
        <div role="status" data-testid="no-openings">
          <p>{result.reasons.length > 0 ? words.nothingFound : words.noProviders}</p>
          <ul>
            {result.reasons.map((reason) => (
              <li key={reason.resourceId}>{whySentence(reason, byId.get(reason.resourceId)?.name ?? reason.resourceId, wanted, clinic.locale, words)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </aside>
  );
}
