import { useState } from 'react';
import { mapPatientColumns, maxImportPatients, patientFileFields, readPatientCsv, suggestPatientColumns } from '../../core/patient-files';
import type { PatientCsvRow, PatientFileField, PatientImportPreview, PatientImportProblem, PatientMappingProblem } from '../../core/patient-files';
import { downloadInBrowser } from '../desktop/desktop-bridge';
import { useCommand } from '../data/useCommand';
import { usePatientFileImport } from '../data/usePatientFileImport';
import { liveMessages, problemSentence } from '../i18n';
import { ImportPreviewEnd, NoticeLine } from './import-parts';
import type { Notice } from './import-parts';

const words = liveMessages('patientFiles');


/** A refusal of the engine in the desk's words. */
const refusal = (error: { code: string; field: string }) => problemSentence(error as Parameters<typeof problemSentence>[0]);

/**
 * Export: every patient as a CSV through the audited `patient-file/export`
 * command (managers and admins), downloaded as the calendar files are.
 *
 * @example <PatientExportPanel />
 */
function PatientExportPanel() {
  const run = useCommand();
  const [notice, setNotice] = useState<Notice>(null);

  async function exportPatients() {
    setNotice(null);
    const result = await run('patient-file/export', { csvHeader: words.fields });
    if (!result.ok) {
      setNotice({ kind: 'failed', text: refusal(result.error as { code: string; field: string }) });
      return;
    }
    const file = result.value;
    downloadInBrowser(file.fileName, new Blob([file.text], { type: `${file.mimeType};charset=utf-8` }));
    setNotice({ kind: 'done', text: words.exported(file.patientCount, file.fileName) });
  }

  return (
    <section className="calendar-export" aria-labelledby="patient-export-title">
      <h2 id="patient-export-title">{words.exportTitle}</h2>
      <p>{words.exportIntro}</p>
      <button type="button" className="primary" onClick={() => void exportPatients()}>
        {words.exportButton}
      </button>
      <NoticeLine notice={notice} />
    </section>
  );
}

interface ReadFile {
  header: string[];
  rows: PatientCsvRow[];
}

/** Where a row's problem is, and what it is, in the desk's words. */
function problemLine(problem: PatientImportProblem, header: readonly string[]): string {
  const column = problem.column === null ? words.noColumn : words.column(problem.column + 1, header[problem.column] ?? '');
  const sentence = problem.code === 'too-long' && problem.limit !== undefined ? words.tooLong(words.fields[problem.field], problem.limit) : problemSentence({ code: problem.code, field: problem.field });
  return words.problem(problem.row, column, sentence);
}

const mappingLine = (problem: PatientMappingProblem) => words.mappingProblems[problem.code](words.fields[problem.field]);

/**
 * Import: choose a CSV, say which column is which (each select preset from
 * the column titles, core/patient-files `suggestPatientColumns`), Preview
 * (N to register, M skipped as already here, problems by row and column),
 * then Import — refused while any row has a problem, so a file goes in whole
 * or not at all.
 *
 * @example <PatientImportPanel />
 */
function PatientImportPanel() {
  const { preview, importDrafts } = usePatientFileImport();
  const [file, setFile] = useState<ReadFile | null>(null);
  const [mapping, setMapping] = useState<(PatientFileField | null)[]>([]);
  const [mappingProblems, setMappingProblems] = useState<PatientMappingProblem[]>([]);
  const [shown, setShown] = useState<PatientImportPreview | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  async function pick(chosen: File | undefined) {
    setShown(null);
    setNotice(null);
    setMappingProblems([]);
    setFile(null);
    if (!chosen) return;
    const read = readPatientCsv(await chosen.text());
    if (!read.ok) {
      const { code, row } = read.problem;
      setNotice({ kind: 'failed', text: code === 'csv-syntax' ? words.readProblems['csv-syntax'](row) : code === 'no-header' ? words.readProblems['no-header']() : words.readProblems['too-many-rows'](maxImportPatients) });
      return;
    }
    setFile({ header: read.header, rows: read.rows });
    setMapping(suggestPatientColumns(read.header));
  }

  function choose(index: number, value: string) {
    setShown(null);
    setMappingProblems([]);
    setMapping((current) => current.map((field, at) => (at === index ? ((patientFileFields as readonly string[]).includes(value) ? (value as PatientFileField) : null) : field)));
  }

  async function showPreview() {
    if (!file) return;
    setNotice(null);
    const mapped = mapPatientColumns(file.header, mapping);
    if (!mapped.ok) {
      setShown(null);
      setMappingProblems(mapped.problems);
      return;
    }
    setMappingProblems([]);
    setShown(await preview(file.rows, mapped.columns));
  }

  async function runImport() {
    if (!shown) return;
    const result = await importDrafts(shown.drafts);
    if (!result.ok) {
      const error = result.error as { code: string; field: string };
      // A duplicate-id here is a row that has become a patient of the desk since the preview.
      const sentence = !('row' in result) ? refusal(error) : error.code === 'duplicate-id' ? words.registeredSince(result.row) : words.importRefused(result.row, refusal(error));
      setNotice({ kind: 'failed', text: sentence });
      return;
    }
    setShown(null);
    setNotice({ kind: 'done', text: words.imported(result.value.patientIds.length) });
  }

  return (
    <section className="calendar-import" aria-labelledby="patient-import-title">
      <h2 id="patient-import-title">{words.importTitle}</h2>
      <p>{words.importIntro}</p>
      <label>
        {words.file}
        <input type="file" accept=".csv,text/csv" onChange={(event) => void pick(event.target.files?.[0])} />
      </label>
      {file ? (
        <fieldset className="patient-import-mapping">
          <legend>{words.mappingTitle}</legend>
          <p className="hint">{words.mappingHint}</p>
          <div className="field-row">
            {file.header.map((title, index) => (
              <label key={index}>
                {words.column(index + 1, title)}
                <select value={mapping[index] ?? ''} onChange={(event) => choose(index, event.target.value)}>
                  <option value="">{words.leaveOut}</option>
                  {patientFileFields.map((field) => (
                    <option key={field} value={field}>
                      {words.fields[field]}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          {mappingProblems.length > 0 ? (
            <ul role="alert" className="form-error">
              {mappingProblems.map((problem) => (
                <li key={`${problem.code}-${problem.field}`}>{mappingLine(problem)}</li>
              ))}
            </ul>
          ) : null}
          <button type="button" onClick={() => void showPreview()}>
            {words.previewButton}
          </button>
        </fieldset>
      ) : null}
      {shown && file ? (
        <div className="calendar-import-preview">
          <p role="status">{words.summary(shown.drafts.length, shown.duplicates.length, new Set(shown.problems.map((problem) => problem.row)).size)}</p>
          {shown.duplicates.length > 0 ? (
            <>
              <h3>{words.duplicatesTitle}</h3>
              <ul>
                {shown.duplicates.map((duplicate) => {
                  const name = words.patientName(duplicate.givenName, duplicate.familyName);
                  return <li key={duplicate.row}>{duplicate.sameAsRow === null ? words.duplicateOf[duplicate.reason](duplicate.row, name) : words.sameAsRow(duplicate.row, name, duplicate.sameAsRow)}</li>;
                })}
              </ul>
            </>
          ) : null}
          <ImportPreviewEnd
            problemsTitle={words.problemsTitle}
            problems={shown.problems.map((problem) => ({ key: `${problem.row}-${problem.field}`, text: problemLine(problem, file.header) }))}
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
 * The patients part of Administration → Calendar files (issue 14): the
 * patients CSV out and in.
 *
 * @example <PatientFilesPanel />
 */
export function PatientFilesPanel() {
  return (
    <div className="patient-files">
      <PatientExportPanel />
      <PatientImportPanel />
    </div>
  );
}
