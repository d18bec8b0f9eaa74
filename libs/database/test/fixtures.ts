import { createHash } from 'node:crypto';
import type { CriterionOutcome, FailedVerdict, JudgedVerdict } from '@spineqc/contracts';
import type { ExamSummary, RecordReceivedInput, View } from '../src/index.js';

let counter = 0;

/** A DICOM UID no other test uses. */
export function uniqueUid(): string {
  counter += 1;
  return `1.2.826.0.1.3680043.10.1234.${process.pid}.${Date.now()}.${counter}`;
}

export function received(overrides: Partial<RecordReceivedInput> = {}): RecordReceivedInput {
  const sopInstanceUid = overrides.sopInstanceUid ?? uniqueUid();
  return {
    sopInstanceUid,
    studyInstanceUid: '1.2.3.4',
    seriesInstanceUid: '1.2.3.4.5',
    patientIdHash: createHash('sha256').update(`patient-${sopInstanceUid}`).digest('hex'),
    station: 'DR-1',
    operator: 'Ann',
    source: 'c-store',
    requestedView: null,
    receivedAt: new Date('2026-03-02T08:00:00Z'),
    image: {
      storageKey: `originals/${sopInstanceUid}.dcm`,
      format: 'dicom',
      sizeBytes: 1234,
      sha256: createHash('sha256').update(sopInstanceUid).digest('hex'),
      sopClassUid: '1.2.840.10008.5.1.4.1.1.1.1',
      transferSyntaxUid: '1.2.840.10008.1.2.1',
      width: 2048,
      height: 2500,
      viewPosition: 'AP',
      bodyPartExamined: 'LSPINE',
    },
    ...overrides,
  };
}

const CRITERIA_BY_VIEW: Record<View, string[]> = {
  ap: ['vertebrae-in-field', 'spinous-process-midline', 'l3-double-contour', 'pelvis-in-field', 'exposure'],
  lateral: [
    'vertebrae-in-field',
    'l3-double-contour',
    'sacrum-in-field',
    'spinous-processes-visible',
    'intervertebral-foramina-visible',
    'exposure',
  ],
  oblique: [
    'vertebrae-in-field',
    'scottie-dog',
    'inferior-articular-processes',
    'pelvis-in-field',
    'exposure',
  ],
};

/** The view's criteria: those in `failed` fail, the rest pass; all unknown when `assessable` is false. */
export function criteriaFor(view: View, failed: string[] = [], assessable = true): CriterionOutcome[] {
  return CRITERIA_BY_VIEW[view].map((id) => ({
    id,
    label: `label of ${id}`,
    passed: assessable ? !failed.includes(id) : null,
    value: assessable ? (failed.includes(id) ? 9 : 7) : null,
    range: id === 'pelvis-in-field' ? [4, Infinity] : [7, 7],
    unit: 'count',
    message: failed.includes(id) ? `${id} failed` : `${id} ok`,
    ...(failed.includes(id) ? { correction: `correct ${id}` } : {}),
  }));
}

export function judged(exam: ExamSummary, overrides: Partial<JudgedVerdict> = {}): JudgedVerdict {
  const view = overrides.view ?? 'ap';
  const criteria = overrides.criteria ?? criteriaFor(view);
  return {
    examId: exam.id,
    sopInstanceUid: exam.sopInstanceUid,
    station: exam.station,
    operator: exam.technologist,
    receivedAt: exam.receivedAt.toISOString(),
    judgedAt: new Date(exam.receivedAt.getTime() + 300).toISOString(),
    worker: 'worker-a:101',
    attempts: 1,
    status: 'judged',
    view,
    viewSource: 'dicom',
    qualified: criteria.every((criterion) => criterion.passed === true),
    notAssessable: false,
    reason: null,
    confidence: 0.97,
    criteria,
    vertebrae: [
      { level: 'L1', bbox: { x: 10, y: 20, width: 30, height: 40 }, counted: true },
      { level: 'L2', bbox: { x: 11, y: 70, width: 31, height: 41 }, counted: true },
    ],
    pixelSpacingMm: [0.15, 0.16],
    pixelSpacingSource: 'dicom:PixelSpacing',
    modelVersion: 'scse-unet-2026.11',
    rulesVersion: 'rules-1.0.0',
    timingsMs: { decode: 12.5, segment: 140, rules: 3 },
    ...overrides,
  };
}

export function failed(exam: ExamSummary, overrides: Partial<FailedVerdict> = {}): FailedVerdict {
  return {
    examId: exam.id,
    sopInstanceUid: exam.sopInstanceUid,
    station: exam.station,
    operator: exam.technologist,
    receivedAt: exam.receivedAt.toISOString(),
    judgedAt: new Date(exam.receivedAt.getTime() + 900).toISOString(),
    worker: 'worker-b:202',
    attempts: 3,
    status: 'failed',
    errorCode: 'BAD_DICOM',
    reason: 'pixel data truncated',
    ...overrides,
  };
}
