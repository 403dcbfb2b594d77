import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import type { AuditRow } from './audit-row';
import { entryRecord } from './entry-summary';
import type { RowPages } from './row-pages';
import { usePatientNames } from './usePatientNames';

/** Props of {@link AuditList}. */
export interface AuditListProps {
  entries: RowPages<AuditRow>;
  hasMore: boolean;
  loadMore(): void;
  format: ClinicFormat;
  /** Calendar date of an instant on the clinic's clock, for the time column. */
  dateOf(instant: number): string;
  /** Current names of staff members and resources by id, for the record column. */
  names: ReadonlyMap<string, string>;
  /** Weekday names in the clinic's language, Monday first (for hours entries). */
  weekdayNames: readonly string[];
}

/** Fixed row height in px: rows are one line, so the virtualizer never has to measure. */
const rowHeight = 36;
/** Start reading the next page this many rows before the loaded end: a whole page, so a fast scroll rarely reaches the end first. */
const readAhead = 500;

/**
 * The audit entries as an ARIA table whose body is a virtual list
 * (@tanstack/react-virtual): only the rows in view (and a few either side)
 * are in the DOM, so 100,000 entries scroll like 50. Older pages are read
 * as the end comes near. Each row says when, who, what, on which record,
 * for which patient, and with which outcome.
 *
 * @example <AuditList entries={entries} hasMore={hasMore} loadMore={loadMore} format={format} dateOf={dateOf} names={names} weekdayNames={weekdayNames} />
 */
export function AuditList({ entries, hasMore, loadMore, format, dateOf, names, weekdayNames }: AuditListProps) {
  const words = text.auditViewer;
  const scroller = useRef<HTMLDivElement>(null);
  const count = entries.length + (hasMore ? 1 : 0);
  // Rows have a fixed height and are placed in the same frame as the scroll (flushSync), so a few rows
  // either side are enough; each extra row is rebuilt on every frame of a fast scroll (bench/front-desk).
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 4 });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && lastShown >= entries.length - readAhead) loadMore();
  }, [hasMore, lastShown, entries.length, loadMore]);

  const visiblePatientIds = useMemo(
    () => rows.map((row) => entries.at(row.index)?.patientId).filter((id): id is string => typeof id === 'string'),
    // Only the rows in view matter; their indexes name them.
    [rows.map((row) => row.index).join(), entries],
  );
  const patients = usePatientNames(visiblePatientIds);

  return (
    <div className="audit-table" role="table" aria-label={words.listLabel} aria-rowcount={hasMore ? -1 : entries.length + 1} data-testid="audit-list">
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="audit-row audit-header">
          <span role="columnheader">{words.columns.time}</span>
          <span role="columnheader">{words.columns.staff}</span>
          <span role="columnheader">{words.columns.action}</span>
          <span role="columnheader">{words.columns.record}</span>
          <span role="columnheader">{words.columns.patient}</span>
          <span role="columnheader">{words.columns.details}</span>
        </div>
      </div>
      <div ref={scroller} className="audit-scroller" role="rowgroup" tabIndex={0} aria-label={words.rowsLabel}>
        <div aria-hidden="true" style={{ height: virtualizer.getTotalSize() }} />
        {rows.map((row) => {
          const entry = entries.at(row.index);
          const style = { transform: `translateY(${row.start}px)`, height: rowHeight };
          if (!entry) {
            return (
              <div key="more" role="row" aria-rowindex={row.index + 2} className="audit-row audit-more" style={style}>
                <span role="cell">{words.loadingMore}</span>
              </div>
            );
          }
          const instant = Date.parse(entry.at);
          const patient = entry.patientId ? patients.get(entry.patientId) : undefined;
          return (
            <div key={entry.key} role="row" aria-rowindex={row.index + 2} className={`audit-row outcome-${entry.outcome}`} style={style} data-action={entry.action}>
              <span role="cell" className="audit-time">
                {format.mediumDate(dateOf(instant))} {format.time(instant)}
              </span>
              <span role="cell" title={entry.actorTitle}>
                {entry.actorName}
              </span>
              <span role="cell">{text.auditActions[entry.action]}</span>
              <span role="cell" title={`${entry.entityType} ${entry.entityId}`}>
                {entryRecord(entry, names, weekdayNames)}
              </span>
              <span role="cell">{entry.patientId ? (patient ? text.patientName(patient) : words.unknownPatient) : ''}</span>
              <span role="cell" className="audit-details">
                {entry.outcome !== 'success' ? <strong>{words.outcomes[entry.outcome]} </strong> : null}
                {entry.reason ?? (entry.changedFields ? words.changed(entry.changedFields) : '')}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
