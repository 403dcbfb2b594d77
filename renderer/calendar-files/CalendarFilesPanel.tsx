import { useState } from 'react';
import type { FormEvent } from 'react';
import type { IcsPreview } from '../../core/calendar-files';
import type { CommandError } from '../../core/commands';
import { addDays, todayIn } from '../dates/calendar-dates';
import { downloadInBrowser } from '../desktop/desktop-bridge';
import { useCalendarImport } from '../data/useCalendarImport';
import { useClinic } from '../data/useClinic';
import { useCommand } from '../data/useCommand';
import { usePatientSearch } from '../data/usePatientSearch';
import { useResources } from '../data/useResources';
import { conflictSentence, liveMessages, problemSentence, text } from '../i18n';
import { PatientFilesPanel } from './PatientFilesPanel';
import { ImportPreviewEnd, NoticeLine } from './import-parts';
import type { Notice } from './import-parts';

const words = liveMessages('calendarFiles');

/** A refusal in the desk's words: the field's problem, or the first conflict a booking met. */
function refusalSentence(error: CommandError | { code: string; field: string; message: string }, resourceName: (id: string) => string): string {
  if ('hard' in error) {
    const conflict = error.hard[0] ?? error.warnings[0];
    return conflict ? conflictSentence(conflict, resourceName) : text.calendarFiles.conflict;
  }
  return problemSentence(error as Parameters<typeof problemSentence>[0]);
}


/**
 * Export: whose visits (a provider, a room or the whole clinic), which days,
 * ICS or CSV, and whether to name the patients (off by default). Runs the
 * audited `calendar-file/export` command and downloads its file, as the web
 * build's backup does.
 *
 * @example <ExportPanel />
 */
function ExportPanel() {
  const run = useCommand();
  const clinic = useClinic();
  const resources = useResources();
  const nameOf = (id: string) => resources.find((resource) => resource.id === id)?.name ?? id;
  const today = todayIn(clinic.timeZone, Date.now());
  const [what, setWhat] = useState('clinic');
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(addDays(today, 6));
  const [format, setFormat] = useState<'ics' | 'csv'>('ics');
  const [includeNames, setIncludeNames] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const result = await run('calendar-file/export', {
      what: what === 'clinic' ? { kind: 'clinic' } : { kind: 'resource', resourceId: what },
      from,
      to,
      format,
      includePatientNames: includeNames,
      ...(format === 'csv' ? { csvHeader: words.columns } : {}),
    });
    if (!result.ok) {
      setNotice({ kind: 'failed', text: refusalSentence(result.error, nameOf) });
      return;
    }
    const file = result.value;
    downloadInBrowser(file.fileName, new Blob([file.text], { type: `${file.mimeType};charset=utf-8` }));
    setNotice({ kind: 'done', text: words.exported(file.visitCount, file.fileName) });
  }

  return (
    <form className="calendar-export" aria-labelledby="calendar-export-title" onSubmit={(event) => void submit(event)}>
      <h2 id="calendar-export-title">{words.exportTitle}</h2>
      <p>{words.exportIntro}</p>
      <div className="field-row">
        <label>
          {words.what}
          <select value={what} onChange={(event) => setWhat(event.target.value)}>
            <option value="clinic">{words.wholeClinic}</option>
            {resources.map((resource) => (
              <option key={resource.id} value={resource.id}>
                {resource.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {words.from}
          <input type="date" value={from} required onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          {words.to}
          <input type="date" value={to} required onChange={(event) => setTo(event.target.value)} />
        </label>
        <label>
          {words.format}
          <select value={format} onChange={(event) => setFormat(event.target.value === 'csv' ? 'csv' : 'ics')}>
            <option value="ics">{words.formats.ics}</option>
            <option value="csv">{words.formats.csv}</option>
          </select>
        </label>
      </div>
      <label>
        <input type="checkbox" checked={includeNames} onChange={(event) => setIncludeNames(event.target.checked)} /> {words.includeNames}
      </label>
      <p className="hint">{words.includeNamesHint}</p>
      <button type="submit" className="primary">
        {words.exportButton}
      </button>
      <NoticeLine notice={notice} />
    </form>
  );
}

/**
 * Import: pick an ICS file and the provider/room and patient that another
 * calendar's events book, Preview (N new, M already here, K refused with the
 * line, UID and field), then Import — refused while anything is refused, so
 * a file goes in whole or not at all.
 *
 * @example <ImportPanel />
 */
function ImportPanel() {
  const clinic = useClinic();
  const resources = useResources();
  const nameOf = (id: string) => resources.find((resource) => resource.id === id)?.name ?? id;
  const { preview, importDrafts } = useCalendarImport();
  const [fileText, setFileText] = useState<string | null>(null);
  const [resourceId, setResourceId] = useState('');
  const [query, setQuery] = useState('');
  const [patientId, setPatientId] = useState('');
  const matches = usePatientSearch(query) ?? [];
  const [shown, setShown] = useState<IcsPreview | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  async function pick(file: File | undefined) {
    setShown(null);
    setNotice(null);
    setFileText(file ? await file.text() : null);
  }

  async function showPreview() {
    if (fileText === null) return;
    setNotice(null);
    const read = await preview(fileText, { resourceIds: resourceId === '' ? [] : [resourceId], patientId: patientId === '' ? null : patientId, defaultTimeZone: clinic.timeZone });
    if (!read.ok) {
      setShown(null);
      setNotice({ kind: 'failed', text: words.problem(read.problem.line, read.problem.uid, read.problem.field, read.problem.message) });
      return;
    }
    setShown(read.preview);
  }

  async function runImport() {
    if (!shown) return;
    const result = await importDrafts(shown.drafts);
    if (!result.ok) {
      const reason = refusalSentence(result.error, nameOf);
      setNotice({ kind: 'failed', text: 'event' in result ? words.importRefused(result.event.line, result.event.uid, reason) : reason });
      return;
    }
    setShown(null);
    setNotice({ kind: 'done', text: words.imported(result.value.appointments, result.value.series) });
  }

  return (
    <section className="calendar-import" aria-labelledby="calendar-import-title">
      <h2 id="calendar-import-title">{words.importTitle}</h2>
      <p>{words.importIntro}</p>
      <div className="field-row">
        <label>
          {words.file}
          <input type="file" accept=".ics,text/calendar" onChange={(event) => void pick(event.target.files?.[0])} />
        </label>
        <label>
          {words.bookFor}
          <select value={resourceId} onChange={(event) => setResourceId(event.target.value)}>
            <option value="">{words.noResource}</option>
            {resources.map((resource) => (
              <option key={resource.id} value={resource.id}>
                {resource.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {words.patientSearch}
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
        </label>
        <label>
          {words.patient}
          <select value={patientId} onChange={(event) => setPatientId(event.target.value)}>
            <option value="">{words.noPatient}</option>
            {matches.map((patient) => (
              <option key={patient.id} value={patient.id}>
                {words.patientName(patient.givenName, patient.familyName)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="button" onClick={() => void showPreview()} disabled={fileText === null}>
        {words.previewButton}
      </button>
      {shown ? (
        <div className="calendar-import-preview">
          <p role="status">{words.summary(shown.drafts.length, shown.alreadyHere.length, shown.problems.length)}</p>
          <ImportPreviewEnd
            problemsTitle={words.refusedTitle}
            problems={shown.problems.map((problem) => ({ key: `${problem.line}-${problem.field}`, text: words.problem(problem.line, problem.uid, problem.field, problem.message) }))}
            fixFirst={words.fixFirst}
            importLabel={words.importButton}
            toStore={shown.drafts.length}
            onImport={() => void runImport()}
          />
        </div>
      ) : null}
      <NoticeLine notice={notice} />
    </section>
  );
}

/**
 * Administration → Calendar files: visits export and import side by side,
 * then the patients file out and in (issue 14).
 *
 * @example <CalendarFilesPanel />
 */
export function CalendarFilesPanel() {
  return (
    <div className="calendar-files">
      <ExportPanel />
      <ImportPanel />
      <PatientFilesPanel />
    </div>
  );
}
