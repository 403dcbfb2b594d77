import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { isManager } from '../../core/commands';
import { unoverridableKinds } from '../../core/overlap';
import type { CommandError, ConflictReport } from '../../core/commands';
import { textLimits } from '../../core/model';
import type { Patient } from '../../core/model';
import type { NearestOpening } from '../../core/openings';
import { useClinic } from '../data/useClinic';
import { useCommand } from '../data/useCommand';
import { useResources } from '../data/useResources';
import { addDays, wallTimeAt } from '../dates/calendar-dates';
import { useDayView } from '../day-view/day-view-store';
import { Modal } from '../dialog/Modal';
import { Field } from '../forms/Field';
import { FormFooter } from '../forms/FormFooter';
import { errorsFor } from '../forms/field-errors';
import { clinicFormat, conflictSentence, problemSentence, text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import type { AppointmentDraft } from './appointment-dialog-store';
import { ConfirmWarnings } from './ConfirmWarnings';
import { ConflictList } from './ConflictList';
import { draftCheckInput } from './draft-check-input';
import { DraftCheckNote } from './DraftCheckNote';
import { movedStart, nearestTimesQuery } from './nearest-times';
import { NearestTimes } from './NearestTimes';
import { EditScopeDialog } from './EditScopeDialog';
import { useUndoSave } from './useUndoSave';
import { durationPresets } from './duration-presets';
import { useSession } from '../session/session-store';
import { OverrideConflict } from './OverrideConflict';
import { PatientPicker } from './PatientPicker';
import { ConsentNote } from '../consent/ConsentNote';
import { planRepeat } from './repeat-plan';
import type { RepeatChoice } from './repeat-plan';
import { OccurrencePreview } from './OccurrencePreview';
import { RepeatFields } from './RepeatFields';
import { QuickRegister } from './QuickRegister';
import { useDraftCheck } from './useDraftCheck';
import { useEditBooking } from './useEditBooking';
import { useNearestOpenings } from './useNearestOpenings';
import { warningsToConfirm } from './warnings-to-confirm';
import type { WarningGroup } from './warnings-to-confirm';

/** Form fields a refusal can be shown next to; engine names are mapped onto them below. */
const formFields = ['patientId', 'resourceIds', 'date', 'time', 'durationMinutes', 'visitReason', 'notes', 'repeat'];
const engineToForm: Record<string, string> = { wallStart: 'time', dtstart: 'time', timeZone: 'time', rrule: 'repeat', pattern: 'repeat', end: 'repeat' };
const formFieldsWithOverride = [...formFields, 'override'];

/** Props of {@link AppointmentDialog}. */
export interface AppointmentDialogProps {
  draft: AppointmentDraft;
  onClose(): void;
}

/**
 * Books an appointment: patient (typeahead or quick registration),
 * providers and rooms, date, start, length, repeat (with a summary and a
 * preview of the visits), reason and notes. A repeating booking is saved
 * with `series/create`. Saving goes
 * through `appointment/book`, whose booking check decides; a hard conflict
 * keeps the dialog open and lists what collides (a manager or admin may
 * book anyway with a reason, which the engine records), and any other
 * refusal appears next to its field.
 *
 * @example <AppointmentDialog draft={{ date: '2026-11-25', minute: 540, durationMinutes: 30, resourceIds: ['dr-lee'] }} onClose={close} />
 */
export function AppointmentDialog({ draft, onClose }: AppointmentDialogProps) {
  const clinic = useClinic();
  const resources = useResources();
  const run = useCommand();
  const show = useNotices((state) => state.show);
  const setDate = useDayView((state) => state.setDate);
  const select = useDayView((state) => state.select);
  const staff = useSession((state) => state.staff);
  const canOverride = staff !== null && isManager(staff);
  const format = useMemo(() => clinicFormat(clinic.locale, clinic.timeZone), [clinic.locale, clinic.timeZone]);

  // Editing: pre-filled from the booking; the patient and the repeat rule stay as they are.
  const editing = draft.editing;
  const [patient, setPatient] = useState<Patient | null>(editing?.patient ?? draft.patient ?? null);
  const [registering, setRegistering] = useState<string | null>(null);
  const [resourceIds, setResourceIds] = useState<string[]>(draft.resourceIds);
  const [date, setDateField] = useState(draft.date);
  const [time, setTime] = useState(wallTimeAt(draft.date, draft.minute).slice(11));
  const [duration, setDuration] = useState(String(draft.durationMinutes));
  const [visitReason, setVisitReason] = useState(editing?.visitReason ?? '');
  const [notes, setNotes] = useState(editing?.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<ConflictReport | null>(null);
  const [repeat, setRepeat] = useState<RepeatChoice>({ kind: 'none', every: 1, weekdays: [], end: 'after', count: 10, until: addDays(draft.date, 91) });
  const plan = useMemo(
    () => (date && time ? planRepeat(repeat, `${date}T${time}`, clinic.timeZone) : null),
    [repeat, date, time, clinic.timeZone],
  );
  const [busy, setBusy] = useState(false);
  // Choosing, registering or changing the patient swaps the part of the form that had focus for another;
  // focus moves on inside the dialog (never to the page body, where the next key would go nowhere).
  const formRef = useRef<HTMLFormElement>(null);
  const [refocus, setRefocus] = useState<'after-patient' | 'patient-search' | null>(null);
  useEffect(() => {
    if (!refocus || !formRef.current) return;
    setRefocus(null);
    const form = formRef.current;
    const next =
      refocus === 'patient-search'
        ? form.querySelector<HTMLElement>('[role="combobox"], input[name="givenName"]')
        : resourceIds.length === 0
          ? form.querySelector<HTMLElement>('input[name="resourceIds"]')
          : form.querySelector<HTMLElement>('input[name="visitReason"]');
    next?.focus();
  }, [refocus, resourceIds.length]);
  const choosePatient = (chosen: Patient | null) => {
    setPatient(chosen);
    setConflict(null);
    setRefocus(chosen ? 'after-patient' : 'patient-search');
  };
  // The dry run: closures, conflicts and hours shown while the receptionist edits, before Save.
  const checkInput = useMemo(
    () =>
      draftCheckInput({
        resourceIds,
        patientId: patient?.id ?? null,
        date,
        time,
        duration,
        timeZone: clinic.timeZone,
        repeat: repeat.kind === 'none' ? null : plan,
        ...(editing ? { excluding: editing.source === 'occurrence' ? { seriesId: editing.seriesId } : { appointmentId: editing.id } } : {}),
      }),
    [resourceIds, patient, date, time, duration, clinic.timeZone, repeat.kind, plan, editing],
  );
  const draftCheck = useDraftCheck(checkInput);
  // Only once the (debounced) check refuses a single visit: the nearest free times before and after.
  const nearestQuery = useMemo(() => nearestTimesQuery(checkInput, draftCheck.state.status === 'ready' ? draftCheck.state.check : null), [checkInput, draftCheck.state]);
  const nearest = useNearestOpenings(nearestQuery);
  /** A suggestion moves the start (date and time) and keeps the rest; the check runs again, and focus stays on the time. */
  function moveStart(opening: NearestOpening) {
    const moved = movedStart(opening, clinic.timeZone);
    setDateField(moved.date);
    setTime(moved.time);
    setConflict(null);
    formRef.current?.querySelector<HTMLInputElement>('input[name="time"]')?.focus();
  }
  const [confirming, setConfirming] = useState<WarningGroup[] | null>(null);
  const patientName = patient ? text.patientName(patient) : text.dayView.unknownPatient;
  const undoSave = useUndoSave(format, (id) => resources.find((resource) => resource.id === id)?.name ?? id);
  const edit = useEditBooking(editing, patientName, format, {
    onSaved: (notice, undo) => (show(notice, undo ? { undo: () => void undoSave(undo, patientName) } : {}), setDate(date), onClose()),
    onRefused: (error) => showRefusal(error),
    onFailed: () => setErrors({ form: text.app.unexpectedError }),
    setBusy,
  });

  function toggleResource(id: string, on: boolean) {
    setResourceIds((ids) => (on ? [...ids, id] : ids.filter((other) => other !== id)));
    setConflict(null);
  }

  /** What a single booking and a series share: who, where, how long, why, and a manager's override reason. */
  function bookingFields(override: string | undefined) {
    return {
      resourceIds,
      timeZone: clinic.timeZone,
      durationMinutes: Number(duration),
      ...(visitReason.trim() ? { visitReason } : {}),
      ...(notes.trim() ? { notes } : {}),
      ...(override === undefined ? {} : { override: { reason: override } }),
    };
  }

  /** A refused booking or series: the conflicts in their list, any other problem next to its field. */
  function showRefusal(error: CommandError) {
    if (error.code === 'booking-conflict') setConflict(error as ConflictReport);
    else if ('field' in error) {
      const field = error.field.split('.')[0] ?? '';
      setErrors(errorsFor({ ...error, field: engineToForm[field] ?? error.field }, formFieldsWithOverride));
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    await book(undefined);
  }

  /** Books; `override` is a manager's reason for booking over the conflicts shown; `confirmed` once "Book anyway?" was answered. */
  async function book(override: string | undefined, confirmed = false) {
    if (registering !== null) return;
    const missing: Record<string, string> = {};
    if (!patient) missing['patientId'] = text.dialog.choosePatient;
    if (resourceIds.length === 0) missing['resourceIds'] = text.dialog.chooseResource;
    if (!date) missing['date'] = text.validation.required(text.fields.date);
    if (!time) missing['time'] = text.validation.required(text.fields.time);
    setErrors(missing);
    if (!patient || Object.keys(missing).length > 0) return;
    if (override === undefined) setConflict(null);
    if (override === undefined && !confirmed) {
      setBusy(true); // Save is disabled while the fresh check runs, so a double click cannot book twice
      const check = await draftCheck.checkNow();
      setBusy(false);
      const warnings = check ? warningsToConfirm(check) : [];
      if (warnings.length > 0) return setConfirming(warnings);
    }
    if (editing) return edit.request({ wallStart: `${date}T${time}`, timeZone: clinic.timeZone, durationMinutes: Number(duration), resourceIds, visitReason, notes }, override);
    if (repeat.kind !== 'none') {
      if (!plan || !plan.ok) {
        if (plan && !plan.ok) setErrors({ repeat: problemSentence(plan.problem) });
        return;
      }
      await bookSeries(patient, plan.rrule ?? '', plan.summary, override);
      return;
    }
    setBusy(true);
    try {
      const result = await run('appointment/book', {
        patientId: patient.id,
        wallStart: `${date}T${time}`,
        ...bookingFields(override),
      });
      if (result.ok) {
        const { appointment, warnings } = result.value;
        const booked = text.dialog.booked(text.patientName(patient), format.time(Date.parse(appointment.start)));
        const notesText = warnings.map((warning) => `${conflictSentence(warning, (id) => resources.find((resource) => resource.id === id)?.name ?? id, { time: format.time })}.`);
        show([booked, ...notesText].join(' '));
        setDate(date);
        select(appointment.id);
        onClose();
        return;
      }
      showRefusal(result.error);
    } catch {
      setErrors({ form: text.app.unexpectedError });
    } finally {
      setBusy(false);
    }
  }

  /** A repeating booking through `series/create`: the engine checks every visit of its first year. */
  async function bookSeries(chosen: Patient, rrule: string, summary: string, override: string | undefined) {
    setBusy(true);
    try {
      const result = await run('series/create', {
        patientId: chosen.id,
        dtstart: `${date}T${time}`,
        rrule,
        ...bookingFields(override),
      });
      if (result.ok) {
        show(text.repeat.booked(text.patientName(chosen), summary, result.value.occurrenceCount));
        setDate(date);
        onClose();
        return;
      }
      showRefusal(result.error);
    } catch {
      setErrors({ form: text.app.unexpectedError });
    } finally {
      setBusy(false);
    }
  }

  const presetChosen = durationPresets.some((minutes) => String(minutes) === duration);
  return (
    <Modal title={editing ? text.edit.title : text.dialog.newTitle} onClose={onClose} className="modal-wide">
      <form ref={formRef} className="modal-body appointment-form" onSubmit={submit} noValidate>
        {editing ? (
          <p className="edit-patient" data-testid="edit-patient">
            {text.edit.patient}: <strong>{patient ? text.patientName(patient) : text.dayView.unknownPatient}</strong>
          </p>
        ) : registering === null ? (
          <PatientPicker
            patient={patient}
            onChoose={choosePatient}
            onRegister={(typed) => (setRegistering(typed), setRefocus('patient-search'))}
            format={format}
            error={errors['patientId']}
          />
        ) : (
          <QuickRegister
            typed={registering}
            onRegistered={(created) => (setRegistering(null), choosePatient(created))}
            onCancel={() => (setRegistering(null), setRefocus('patient-search'))}
          />
        )}
        {/* Whether the clinic may write to the patient: said here, where the booking (and its reminders) starts. */}
        {patient && registering === null ? <ConsentNote patientId={patient.id} /> : null}

        <fieldset className={`resource-choice${errors['resourceIds'] ? ' field-invalid' : ''}`} aria-describedby={errors['resourceIds'] ? 'resource-error' : undefined}>
          <legend>{text.dialog.resources}</legend>
          <div className="resource-options">
            {resources.map((resource) => (
              <label key={resource.id} className="checkbox">
                <input type="checkbox" name="resourceIds" value={resource.id} checked={resourceIds.includes(resource.id)} onChange={(event) => toggleResource(resource.id, event.target.checked)} />{' '}
                {resource.name} <span className="muted">({text.resourceKinds[resource.kind].one})</span>
              </label>
            ))}
          </div>
          {errors['resourceIds'] ? (
            <p className="field-error" id="resource-error">
              {errors['resourceIds']}
            </p>
          ) : null}
        </fieldset>

        <div className="field-row">
          <Field label={text.fields.date} error={errors['date']}>
            <input name="date" type="date" value={date} onChange={(event) => (setDateField(event.target.value), setConflict(null))} required />
          </Field>
          <Field label={text.fields.time} error={errors['time']}>
            <input name="time" type="time" step={300} value={time} onChange={(event) => (setTime(event.target.value), setConflict(null))} required />
          </Field>
        </div>
        {repeat.kind === 'none' ? <DraftCheckNote state={draftCheck.state} time={time} format={format} resources={resources} /> : null}
        {nearestQuery ? (
          <NearestTimes
            found={nearest}
            at={Date.parse(nearestQuery.at)}
            chosenDate={date}
            durationMinutes={nearestQuery.durationMinutes}
            clinic={clinic}
            format={format}
            resources={resources}
            onMove={moveStart}
          />
        ) : null}

        <fieldset className={`duration-choice${errors['durationMinutes'] ? ' field-invalid' : ''}`}>
          <legend>{text.dialog.duration}</legend>
          <div className="duration-options">
            {durationPresets.map((minutes) => (
              <label key={minutes} className={`chip${String(minutes) === duration ? ' chip-on' : ''}`}>
                <input type="radio" name="durationPreset" value={minutes} checked={String(minutes) === duration} onChange={() => (setDuration(String(minutes)), setConflict(null))} />
                {text.dialog.durationMinutes(minutes)}
              </label>
            ))}
            <label className="duration-other">
              {text.dialog.otherDuration}{' '}
              <input
                name="durationMinutes"
                type="number"
                min={5}
                max={1440}
                step={5}
                value={presetChosen ? '' : duration}
                placeholder={presetChosen ? duration : ''}
                onChange={(event) => (setDuration(event.target.value), setConflict(null))}
                aria-invalid={errors['durationMinutes'] ? true : undefined}
              />
            </label>
          </div>
          {errors['durationMinutes'] ? <p className="field-error">{errors['durationMinutes']}</p> : null}
        </fieldset>

        {editing?.source === 'occurrence' ? <p className="field-hint">{text.edit.repeatKept}</p> : null}
        {plan && !editing ? (
          <RepeatFields
            choice={repeat}
            onChange={(choice) => (setRepeat(choice), setConflict(null))}
            plan={plan}
            firstDate={date}
            error={errors['repeat'] ?? (plan.ok ? undefined : problemSentence(plan.problem))}
            preview={plan.ok ? <OccurrencePreview preview={plan.preview} more={plan.more} state={draftCheck.state} time={time} format={format} resources={resources} /> : null}
          />
        ) : null}

        <Field label={text.fields.visitReason} error={errors['visitReason']} count={{ value: visitReason, limit: textLimits.visitReason }}>
          <input name="visitReason" value={visitReason} onChange={(event) => setVisitReason(event.target.value)} />
        </Field>
        <Field label={text.fields.notes} error={errors['notes']} count={{ value: notes, limit: textLimits.notes }}>
          <textarea name="notes" rows={2} value={notes} onChange={(event) => setNotes(event.target.value)} />
        </Field>

        {conflict ? <ConflictList conflicts={conflict.hard} resources={resources} format={format} showWhen={repeat.kind !== 'none' || editing?.source === 'occurrence'} /> : null}
        {conflict && canOverride && !conflict.hard.some((found) => unoverridableKinds.includes(found.kind)) ? <OverrideConflict busy={busy} error={errors['override']} onOverride={(reason) => void book(reason)} /> : null}
        {confirming ? (
          <ConfirmWarnings groups={confirming} single={repeat.kind === 'none'} format={format} onConfirm={() => (setConfirming(null), void book(undefined, true))} onBack={() => setConfirming(null)} />
        ) : null}
        <FormFooter
          error={errors['form']}
          busy={busy}
          onCancel={onClose}
          submitDisabled={busy || registering !== null}
          submitLabel={editing ? (busy ? text.edit.saving : text.edit.submit) : busy ? text.dialog.submitting : repeat.kind === 'none' ? text.dialog.submit : text.dialog.submitSeries}
        />
      </form>
      {edit.asking ? <EditScopeDialog {...edit.asking} /> : null}
    </Modal>
  );
}
