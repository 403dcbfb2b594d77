/**
 * The pieces the calendar-file and patients-file panels share: the line
 * that says how an export or import went, and the end of an import preview
 * (the refused rows, "fix them first", and Import, off while any row is
 * refused or nothing would be stored).
 */

/** How the last export or import went, or nothing yet. */
export type Notice = { kind: 'done' | 'failed'; text: string } | null;

/** The notice as a status line, or an alert when it failed. */
export function NoticeLine({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <p role={notice.kind === 'failed' ? 'alert' : 'status'} className={notice.kind === 'failed' ? 'form-error' : 'backup-done'}>
      {notice.text}
    </p>
  );
}

/** Props of {@link ImportPreviewEnd}: the refused rows already in words, keyed for React. */
export interface ImportPreviewEndProps {
  problemsTitle: string;
  problems: readonly { key: string; text: string }[];
  fixFirst: string;
  importLabel: string;
  /** How many records the import would store. */
  toStore: number;
  onImport(): void;
}

/**
 * The refused rows (when there are any) and the Import button of a preview.
 *
 * @example <ImportPreviewEnd problemsTitle="Refused" problems={[]} fixFirst="Fix these first." importLabel="Import" toStore={2} onImport={run} />
 */
export function ImportPreviewEnd({ problemsTitle, problems, fixFirst, importLabel, toStore, onImport }: ImportPreviewEndProps) {
  return (
    <>
      {problems.length > 0 ? (
        <>
          <h3>{problemsTitle}</h3>
          <ul className="calendar-import-problems">
            {problems.map((problem) => (
              <li key={problem.key}>{problem.text}</li>
            ))}
          </ul>
          <p>{fixFirst}</p>
        </>
      ) : null}
      <button type="button" className="primary" onClick={onImport} disabled={problems.length > 0 || toStore === 0}>
        {importLabel}
      </button>
    </>
  );
}
