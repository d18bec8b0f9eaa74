import type { Assessment } from '@spineqc/assessment';
import type { CriterionId } from '@spineqc/qc-standard';
import { assessmentRecord, errorRecord } from '../model/assessment-json.js';

export type AssessmentRecord = ReturnType<typeof assessmentRecord>;
export type ErrorRecord = ReturnType<typeof errorRecord>;
export type CriterionRecord = AssessmentRecord['criteria'][number];

/** A judged file as the audit keeps it: the `check --json` record plus who took it and where. */
export interface JudgedEntry extends AssessmentRecord {
  /** DICOM OperatorsName, formatted; '' when the file does not say. */
  technologist: string;
  /** DICOM StationName (the DR room); '' when the file does not say. */
  station: string;
  /** Overlay thumbnail (PNG) of a film to review, when a report is wanted. */
  thumbnailPng?: Uint8Array;
}

/** One row of the audit: a judged file or one that could not be judged, with its error. */
export type AuditEntry = JudgedEntry | ErrorRecord;

export function isJudged(entry: AuditEntry): entry is JudgedEntry {
  return !('error' in entry);
}

export function isUnreadable(entry: AuditEntry): entry is ErrorRecord {
  return 'error' in entry;
}

/** Failed or not assessable: the films a QA manager looks at. */
export function needsReview(entry: JudgedEntry): boolean {
  return !entry.qualified;
}

export function failedCriteria(entry: JudgedEntry): CriterionRecord[] {
  return entry.criteria.filter((c) => c.passed === false);
}

export function failedCriterionIds(entry: JudgedEntry): CriterionId[] {
  return failedCriteria(entry).map((c) => c.id);
}

export function judgedEntry(file: string, a: Assessment, thumbnailPng?: Uint8Array): JudgedEntry {
  const dicom = a.radiograph.dicom;
  return {
    ...assessmentRecord(file, a),
    technologist: personName(dicom?.operatorsName ?? ''),
    station: (dicom?.stationName ?? '').trim(),
    ...(thumbnailPng && { thumbnailPng }),
  };
}

/** DICOM person names (Family^Given^Middle^Prefix^Suffix, values split by '\') as people write them. */
export function personName(value: string): string {
  return value
    .split('\\')
    .map((pn) => {
      const [family = '', given = '', middle = '', prefix = '', suffix = ''] = pn
        .split('=')[0]
        .split('^')
        .map((part) => part.trim());
      const first = [prefix, given, middle].filter(Boolean).join(' ');
      return [family, first].filter(Boolean).join(', ') + (suffix ? ` ${suffix}` : '');
    })
    .filter(Boolean)
    .join('; ');
}
