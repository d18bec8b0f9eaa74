import { CRITERION_IDS } from '@spineqc/qc-standard';
import { failedCriterionIds, isJudged, type AuditEntry } from './entry.js';

export const CSV_COLUMNS = [
  'file',
  'format',
  'view',
  'view_source',
  'qualified',
  'not_assessable',
  'reason',
  'confidence',
  'failed_criteria',
  ...CRITERION_IDS,
  'technologist',
  'station',
  'model_version',
  'rules_version',
  'total_ms',
  'error',
] as const;

type CsvValue = string | number | boolean | null | undefined;

/** Spreadsheets run text cells starting with these as formulas (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field, RFC 4180: quoted when it holds a comma, quote, CR or LF, quotes doubled. Text that a
 * spreadsheet would take for a formula gets a leading apostrophe; numbers are left as they are.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** Values to four decimals: enough for every criterion, short enough to read. */
const round = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 10000);

export function entryValues(entry: AuditEntry): CsvValue[] {
  if (!isJudged(entry)) {
    const blanks = CSV_COLUMNS.length - 2;
    return [entry.file, ...Array<CsvValue>(blanks).fill(null), `${entry.error.code}: ${entry.error.message}`];
  }
  const values = new Map(entry.criteria.map((c) => [c.id, c.value]));
  return [
    entry.file,
    entry.image.format,
    entry.view,
    entry.viewSource,
    entry.qualified,
    entry.notAssessable,
    entry.reason,
    entry.confidence,
    failedCriterionIds(entry).join(';'),
    ...CRITERION_IDS.map((id) => round(values.get(id) ?? null)),
    entry.technologist,
    entry.station,
    entry.modelVersion,
    entry.rulesVersion,
    Math.round(entry.timingsMs.total),
    null,
  ];
}

/** The whole CSV (header and one record per file), CRLF line ends as RFC 4180 asks. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return csvRecord(CSV_COLUMNS) + entries.map((e) => csvRecord(entryValues(e))).join('');
}
