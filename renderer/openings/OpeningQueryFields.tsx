import type { Resource } from '../../core/model';
import { PatientPicker } from '../appointment-dialog/PatientPicker';
import { Field } from '../forms/Field';
import type { ClinicFormat } from '../i18n';
import { liveMessages } from '../i18n';
import { ChoiceGroup } from './ChoiceGroup';
import type { OpeningField, OpeningForm, ResourceChoice, RoomChoice, TimesChoice } from './opening-form';

/** Props of {@link OpeningQueryFields}. */
export interface OpeningQueryFieldsProps {
  form: OpeningForm;
  onChange(change: Partial<OpeningForm>): void;
  providers: readonly Resource[];
  rooms: readonly Resource[];
  /** The refused field's sentence, beside it. */
  errors: Partial<Record<OpeningField, string>>;
  format: ClinicFormat;
}

const words = liveMessages('openings');
const isoWeekdays = [1, 2, 3, 4, 5, 6, 7];
const timesChoices: TimesChoice[] = ['any', 'mornings', 'afternoons', 'custom'];
const roomKinds: RoomChoice['kind'][] = ['none', 'any', 'named'];

const toggled = (ids: readonly string[], id: string, on: boolean) => (on ? [...ids, id] : ids.filter((other) => other !== id));
const namedIds = (choice: ResourceChoice | RoomChoice) => (choice.kind === 'named' ? choice.ids : []);

/** A checkbox per resource; ticking one adds it to the named list. */
function ResourceChecks({ name, resources, chosen, onChange }: { name: string; resources: readonly Resource[]; chosen: readonly string[]; onChange(ids: string[]): void }) {
  return resources.map((resource) => (
    <label className="checkbox" key={resource.id}>
      <input type="checkbox" name={name} value={resource.id} checked={chosen.includes(resource.id)} onChange={(event) => onChange(toggled(chosen, resource.id, event.target.checked))} /> {resource.name}
    </label>
  ));
}

/**
 * The quick fields of *Find an opening*: length, providers (or any), rooms
 * (none, any, or these), the patient (the desk's patient typeahead), days,
 * times of day and the date range. Each refusal shows beside its field.
 *
 * @example <OpeningQueryFields form={form} onChange={update} providers={providers} rooms={rooms} errors={{}} format={format} />
 */
export function OpeningQueryFields({ form, onChange, providers, rooms, errors, format }: OpeningQueryFieldsProps) {
  return (
    <>
      <Field label={words.fields.length} error={errors.length} hint={words.lengthHint}>
        <input name="length" inputMode="numeric" value={form.length} onChange={(event) => onChange({ length: event.target.value })} autoFocus />
      </Field>
      <ChoiceGroup legend={words.fields.providers} error={errors.providers}>
        <label className="checkbox">
          <input type="checkbox" name="anyProvider" checked={form.providers.kind === 'any'} onChange={(event) => onChange({ providers: event.target.checked ? { kind: 'any' } : { kind: 'named', ids: [] } })} /> {words.anyProvider}
        </label>
        <ResourceChecks name="providers" resources={providers} chosen={namedIds(form.providers)} onChange={(ids) => onChange({ providers: { kind: 'named', ids } })} />
      </ChoiceGroup>
      <ChoiceGroup legend={words.fields.rooms} error={errors.rooms}>
        {roomKinds.map((kind) => (
          <label className="checkbox" key={kind}>
            <input type="radio" name="roomChoice" value={kind} checked={form.rooms.kind === kind} onChange={() => onChange({ rooms: kind === 'named' ? { kind, ids: [] } : { kind } })} /> {words.roomChoice[kind]}
          </label>
        ))}
        {form.rooms.kind === 'named' ? <ResourceChecks name="rooms" resources={rooms} chosen={form.rooms.ids} onChange={(ids) => onChange({ rooms: { kind: 'named', ids } })} /> : null}
      </ChoiceGroup>
      <PatientPicker patient={form.patient} onChoose={(patient) => onChange({ patient })} format={format} error={errors.patient} />
      <p className="field-hint">{words.patientHint}</p>
      <ChoiceGroup legend={words.fields.weekdays} error={errors.weekdays}>
        {isoWeekdays.map((day) => (
          <label className="checkbox" key={day}>
            <input
              type="checkbox"
              name="weekdays"
              value={day}
              checked={form.weekdays.includes(day)}
              onChange={(event) => onChange({ weekdays: event.target.checked ? [...form.weekdays, day] : form.weekdays.filter((other) => other !== day) })}
            />{' '}
            {/* 2024-01-01 was a Monday: ISO weekday n is n − 1 days later. */}
            {format.weekday(`2024-01-0${day}`)}
          </label>
        ))}
      </ChoiceGroup>
      <ChoiceGroup legend={words.fields.times} error={errors.times} hint={words.timesHint}>
        {timesChoices.map((choice) => (
          <label className="checkbox" key={choice}>
            <input type="radio" name="times" value={choice} checked={form.times === choice} onChange={() => onChange({ times: choice })} /> {words.timesChoice[choice]}
          </label>
        ))}
      </ChoiceGroup>
      {form.times === 'custom' ? (
        <div className="field-row">
          <Field label={words.fields.customStart} error={errors.customStart}>
            <input type="time" name="customStart" value={form.customStart} onChange={(event) => onChange({ customStart: event.target.value })} />
          </Field>
          <Field label={words.fields.customEnd} error={errors.customEnd}>
            <input type="time" name="customEnd" value={form.customEnd} onChange={(event) => onChange({ customEnd: event.target.value })} />
          </Field>
        </div>
      ) : null}
      <div className="field-row">
        <Field label={words.fields.fromDate} error={errors.fromDate}>
          <input type="date" name="fromDate" value={form.fromDate} onChange={(event) => onChange({ fromDate: event.target.value })} />
        </Field>
        <Field label={words.fields.untilDate} error={errors.untilDate} hint={words.untilHint}>
          <input type="date" name="untilDate" value={form.untilDate} onChange={(event) => onChange({ untilDate: event.target.value })} />
        </Field>
      </div>
    </>
  );
}
