import type { DisputedExamJson, ExamSummary, Jsonified } from '@spineqc/contracts';
import { csvRecord } from '../analyze/csv.js';

export const DISPUTES_CSV_COLUMNS = [
  'exam_id',
  'received_at',
  'station',
  'technologist',
  'view',
  'verdict',
  'failed_criteria',
  'disputed_criteria',
  'reasons',
  'authors',
] as const;

export function verdictWord(exam: Jsonified<ExamSummary>): string {
  if (exam.status === 'failed') return 'failed';
  if (exam.status === 'received') return 'not judged';
  if (exam.notAssessable) return 'not assessable';
  return exam.qualified ? 'qualified' : 'unqualified';
}

const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];

/**
 * One row per disputed exam. The disagreeing entries (newest first) give the disputed criteria, reasons and authors;
 * agreements given earlier are in the exam's feedback.json.
 */
export function disputeValues(item: DisputedExamJson): string[] {
  const { exam } = item;
  const disagreements = item.feedback.filter((entry) => !entry.agree);
  return [
    exam.id,
    exam.receivedAt,
    exam.station,
    exam.technologist,
    exam.view ?? exam.requestedView ?? '',
    verdictWord(exam),
    exam.failedCriteria.join(';'),
    distinct(disagreements.map((entry) => entry.criterion)).join(';'),
    distinct(disagreements.map((entry) => entry.reason)).join(' | '),
    distinct(disagreements.map((entry) => entry.author)).join(';'),
  ];
}

/** The whole file: header and one record per exam, CRLF line ends (RFC 4180). */
export function disputesCsv(items: readonly DisputedExamJson[]): string {
  return csvRecord(DISPUTES_CSV_COLUMNS) + items.map((item) => csvRecord(disputeValues(item))).join('');
}
