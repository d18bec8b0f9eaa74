// The CSV export of the QA page's exam list: RFC 4180 text, safe to open in a spreadsheet.
import type { ExamSummaryDto } from '@/lib/api-client';

export type CsvValue = string | number | boolean | null | undefined;

// A cell a spreadsheet would run as a formula (CSV injection); tab and carriage return start one in some too.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula-looking text gets a leading ' and anything with a quote, comma or line break is quoted. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows joined with CRLF, as RFC 4180 says, ending with a line break. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const EXAM_CSV_COLUMNS = [
  'examId',
  'receivedAt',
  'station',
  'technologist',
  'view',
  'status',
  'qualified',
  'notAssessable',
  'failedCriteria',
  'judgedAt',
] as const;

/** What the export reads of an exam; booleans are written true/false, unknown values empty, criteria joined by ';'. */
export type ExamCsvSource = Pick<
  ExamSummaryDto,
  | 'id'
  | 'receivedAt'
  | 'station'
  | 'technologist'
  | 'view'
  | 'status'
  | 'qualified'
  | 'notAssessable'
  | 'judgedAt'
> & { failedCriteria: readonly string[] };

export function examsToCsv(exams: readonly ExamCsvSource[]): string {
  return toCsv(
    EXAM_CSV_COLUMNS,
    exams.map((exam) => [
      exam.id,
      exam.receivedAt,
      exam.station,
      exam.technologist,
      exam.view,
      exam.status,
      exam.qualified,
      exam.notAssessable,
      exam.failedCriteria.join(';'),
      exam.judgedAt,
    ]),
  );
}

/** `spineqc-exams-<from>-<to>.csv`, with the page's inclusive days. */
export function examsCsvFileName(from: string, to: string): string {
  return `spineqc-exams-${from}-${to}.csv`;
}
