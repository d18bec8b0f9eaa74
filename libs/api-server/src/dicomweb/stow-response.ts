import { failureReasonFor, isKnownFailureCode } from './stow-failure-reasons.js';
import { StowError } from './stow-error.js';

/** What became of one part of a STOW-RS request. */
export type StowResult =
  | {
      ok: true;
      sopClassUid: string;
      sopInstanceUid: string;
      /** Received before: stored once, nothing done again; still a success (re-sends are idempotent). */
      duplicate: boolean;
      /** With both, the instance's RetrieveURL is filled in (PS3.18 needs the study and series in it). */
      studyInstanceUid?: string;
      seriesInstanceUid?: string;
    }
  | { ok: false; sopClassUid?: string; sopInstanceUid?: string; code: string; reason: string };

/** An attribute of the DICOM JSON model (PS3.18 Annex F). */
export interface DicomJsonAttribute {
  vr: string;
  Value?: unknown[];
}
export type DicomJsonDataset = Record<string, DicomJsonAttribute>;

export interface StowResponse {
  /** 200 all stored, 202 some stored, 409 none stored (PS3.18 Table 10.5.3-1). */
  status: 200 | 202 | 409;
  /** The Store Instances Response Module (PS3.18 Annex I), as application/dicom+json. */
  body: DicomJsonDataset;
  /**
   * One line per failed part ("A900 SpineQC: <uid>: <reason>"), for HTTP Warning
   * header fields as PS3.18 §10.5.3.2 recommends; the body carries only numeric reasons.
   */
  warnings: string[];
}

export interface StowResponseOptions {
  /** Base of the DICOMweb service, e.g. "http://host:8080/dicomweb"; URLs are built under /studies. */
  retrieveBaseUrl: string;
  /** The study of the target resource (POST /studies/{study}), if any. */
  studyInstanceUid?: string;
}

const TAG = {
  retrieveUrl: '00081190',
  warningReason: '00081196',
  failureReason: '00081197',
  failedSopSequence: '00081198',
  referencedSopSequence: '00081199',
  otherFailuresSequence: '0008119A',
  referencedSopClassUid: '00081150',
  referencedSopInstanceUid: '00081155',
} as const;

const AGENT = 'SpineQC';

/** Builds the STOW-RS response for the outcome of every part, in request order. */
export function stowResponse(results: readonly StowResult[], options: StowResponseOptions): StowResponse {
  if (results.length === 0)
    throw new StowError('BAD_REQUEST', 'a STOW-RS response needs at least one result');
  const base = options.retrieveBaseUrl.replace(/\/+$/, '');
  const stored = results.filter((result) => result.ok);
  const failed = results.filter((result) => !result.ok);
  const body: DicomJsonDataset = { [TAG.retrieveUrl]: url(studyUrl(base, stored, options.studyInstanceUid)) };
  const warnings: string[] = [];

  if (stored.length > 0) {
    body[TAG.referencedSopSequence] = sequence(
      stored.map((result) => ({
        [TAG.referencedSopClassUid]: uid(result.sopClassUid),
        [TAG.referencedSopInstanceUid]: uid(result.sopInstanceUid),
        [TAG.retrieveUrl]: url(instanceUrl(base, result)),
      })),
    );
  }
  const withInstance = failed.filter((result) => result.sopInstanceUid);
  const withoutInstance = failed.filter((result) => !result.sopInstanceUid);
  if (withInstance.length > 0) {
    body[TAG.failedSopSequence] = sequence(
      withInstance.map((result) => ({
        [TAG.referencedSopClassUid]: uid(result.sopClassUid),
        [TAG.referencedSopInstanceUid]: uid(result.sopInstanceUid),
        [TAG.failureReason]: { vr: 'US', Value: [failureReasonFor(result.code)] },
      })),
    );
  }
  if (withoutInstance.length > 0) {
    // Parts that could not even be identified (not DICOM, unreadable) have no SOP Instance to name.
    body[TAG.otherFailuresSequence] = sequence(
      withoutInstance.map((result) => ({
        [TAG.failureReason]: { vr: 'US', Value: [failureReasonFor(result.code)] },
      })),
    );
  }
  for (const result of failed) {
    const reason = isKnownFailureCode(result.code) ? result.reason : 'internal error';
    const subject = result.sopInstanceUid ?? `part ${results.indexOf(result) + 1}`;
    warnings.push(warning(hex(failureReasonFor(result.code)), `${subject}: ${reason}`));
  }

  const status = failed.length === 0 ? 200 : stored.length === 0 ? 409 : 202;
  return { status, body, warnings };
}

function studyUrl(
  base: string,
  stored: readonly Extract<StowResult, { ok: true }>[],
  target: string | undefined,
): string | undefined {
  if (target) return `${base}/studies/${target}`;
  const studies = new Set(stored.map((result) => result.studyInstanceUid));
  const [only] = studies;
  return studies.size === 1 && only ? `${base}/studies/${only}` : undefined;
}

function instanceUrl(base: string, result: Extract<StowResult, { ok: true }>): string | undefined {
  const { studyInstanceUid: study, seriesInstanceUid: series } = result;
  return study && series
    ? `${base}/studies/${study}/series/${series}/instances/${result.sopInstanceUid}`
    : undefined;
}

/** Type 2 attributes are present even when unknown: then they have no Value (PS3.18 §F.2.5). */
function url(value: string | undefined): DicomJsonAttribute {
  return value ? { vr: 'UR', Value: [value] } : { vr: 'UR' };
}

function uid(value: string | undefined): DicomJsonAttribute {
  return value ? { vr: 'UI', Value: [value] } : { vr: 'UI' };
}

function sequence(items: DicomJsonDataset[]): DicomJsonAttribute {
  return { vr: 'SQ', Value: items };
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/** A header-safe line: printable ASCII, bounded length. */
function warning(code: string, text: string): string {
  const line = `${code} ${AGENT}: ${text}`.replace(/[^\x20-\x7e]/g, '?');
  return line.length <= 300 ? line : line.slice(0, 297) + '...';
}
