export { exportIcs, uidFor, icsProductId, uidDomain } from './ics-export';
export type { IcsExportInput } from './ics-export';
export { readIcs, maxImportEvents } from './ics-import';
export type { IcsDraft, IcsOverrideDraft, IcsImportContext, IcsPreview, IcsProblem, IcsReadResult } from './ics-import';
export { resolveTzid, vtimezoneFor } from './ics-zones';
export type { ZoneResolution } from './ics-zones';
export { visitsCsv } from './visits-csv';
export type { CsvVisit, VisitsCsvHeader, VisitsCsvInput } from './visits-csv';
