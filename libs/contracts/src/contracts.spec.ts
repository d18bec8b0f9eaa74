import { describe, expect, it } from 'vitest';
import { imageReceivedSchema, renderKeys, subscribeRequestSchema, verdictMessageSchema } from './index.js';

const received = {
  examId: '6f1c1d2e-8a4b-4c3d-9e5f-0a1b2c3d4e5f',
  sopInstanceUid: '1.2.826.0.1.3680043.8.498.1',
  storageKey: 'originals/2026/11/27/1.2.826.0.1.3680043.8.498.1.dcm',
  format: 'dicom',
  station: 'DR-ROOM-1',
  operator: 'Chen^Wei',
  requestedView: null,
  pixelSpacingMm: null,
  source: 'c-store',
  receivedAt: '2026-11-27T10:00:00.000Z',
};

describe('message contracts', () => {
  it('accept a well-formed qc.image.received message', () => {
    expect(imageReceivedSchema.parse(received)).toEqual(received);
  });

  it('reject what a worker must not act on: bad UID, unknown view, missing exam', () => {
    expect(imageReceivedSchema.safeParse({ ...received, sopInstanceUid: '1.2.abc' }).success).toBe(false);
    expect(imageReceivedSchema.safeParse({ ...received, requestedView: 'pa' }).success).toBe(false);
    const { examId: _examId, ...noExam } = received;
    expect(imageReceivedSchema.safeParse(noExam).success).toBe(false);
  });

  it('tell judged from failed verdicts by status', () => {
    const failed = {
      status: 'failed',
      examId: received.examId,
      sopInstanceUid: received.sopInstanceUid,
      station: 'DR-ROOM-1',
      operator: '',
      receivedAt: received.receivedAt,
      judgedAt: received.receivedAt,
      worker: 'host:1',
      attempts: 3,
      errorCode: 'CORRUPT_PIXEL_DATA',
      reason: 'JPEG-LS stream ends early',
    };
    expect(verdictMessageSchema.parse(failed).status).toBe('failed');
    expect(verdictMessageSchema.safeParse({ ...failed, status: 'judged' }).success).toBe(false);
  });

  it('require a station to subscribe to', () => {
    expect(subscribeRequestSchema.safeParse({ station: '' }).success).toBe(false);
    expect(subscribeRequestSchema.parse({ station: 'DR-ROOM-2' })).toEqual({ station: 'DR-ROOM-2' });
  });

  it('keep derived files under the exam', () => {
    expect(renderKeys('abc')).toEqual({
      masks: 'renders/abc/masks.png',
      image: 'renders/abc/image.png',
      overlay: 'renders/abc/overlay.png',
    });
  });
});
