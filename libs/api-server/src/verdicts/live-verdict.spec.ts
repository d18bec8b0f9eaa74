import type { VerdictMessage } from '@spineqc/contracts';
import { describe, expect, it } from 'vitest';
import { toLiveVerdict } from './live-verdict.js';

const base = {
  examId: '6f1c1d2e-8a4b-4c3d-9e5f-0a1b2c3d4e5f',
  sopInstanceUid: '1.2.3',
  station: 'DR-ROOM-1',
  operator: 'Chen^Wei',
  receivedAt: '2026-11-27T10:00:00.000Z',
  judgedAt: '2026-11-27T10:00:00.300Z',
  worker: 'w:1',
  attempts: 1,
};

describe('toLiveVerdict', () => {
  it('keeps a judged verdict and reports not-assessable images as qualified null', () => {
    const judged: VerdictMessage = {
      ...base,
      status: 'judged',
      view: 'ap',
      viewSource: 'dicom',
      qualified: false,
      notAssessable: true,
      reason: 'not a lumbar spine radiograph',
      confidence: 0,
      criteria: [],
      vertebrae: [],
      pixelSpacingMm: [0.4, 0.4],
      pixelSpacingSource: 'file',
      modelVersion: 'spineqc-seg@1.0.0',
      rulesVersion: '1.0.0',
      timingsMs: {},
    };
    expect(toLiveVerdict(judged)).toMatchObject({
      status: 'judged',
      qualified: null,
      notAssessable: true,
      view: 'ap',
    });
  });

  it('turns a failure into a failed, not-assessable event with the reason', () => {
    const failed: VerdictMessage = {
      ...base,
      status: 'failed',
      errorCode: 'CORRUPT_PIXEL_DATA',
      reason: 'bad JPEG-LS',
    };
    expect(toLiveVerdict(failed)).toMatchObject({
      status: 'failed',
      qualified: null,
      notAssessable: true,
      reason: 'bad JPEG-LS',
      modelVersion: null,
    });
  });
});
