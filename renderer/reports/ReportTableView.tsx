import { useState } from 'react';
import { reportCsv } from '../../core/reports';
import { saveExportFile } from '../audit-viewer/save-export-file';
import { text } from '../i18n';
import type { ReportTable } from './report-tables';

/**
 * One report table and its *Export CSV* button: the same rows, numbers as
 * plain digits, through core/reports' `reportCsv` (the audit export's safe
 * cells), headers in the desk's language.
 *
 * @example <ReportTableView table={utilisationTable(figures, previous, context)} fileRange={['2027-03-01', '2027-03-31']} />
 */
export function ReportTableView({ table, fileRange }: { table: ReportTable; fileRange: [string, string] }) {
  const words = text.reports;
  const [saved, setSaved] = useState<string | null>(null);
  const exportCsv = async () => {
    const name = words.fileName(table.id, fileRange[0], fileRange[1]);
    const csv = reportCsv(table.csvHeader ?? table.header, table.rows.map((row) => row.csv));
    const outcome = await saveExportFile({ name, parts: [csv], mimeType: 'text/csv', filter: { name: 'CSV', extensions: ['csv'] } });
    setSaved(outcome.outcome === 'refused' ? words.exportRefused(outcome.message) : outcome.outcome === 'cancelled' ? null : words.exported(name));
  };
  return (
    <div className="report-table">
      <table data-testid={`report-table-${table.id}`}>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.header.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="report-table-actions">
        <button type="button" onClick={() => void exportCsv()}>
          {words.exportCsv}
        </button>
        {saved ? <span role="status">{saved}</span> : null}
      </p>
    </div>
  );
}
