import { describe, expect, it } from 'vitest';
import { StowError } from './stow-error.js';
import { stowResponse, type StowResult } from './stow-response.js';

const DX = '1.2.840.10008.5.1.4.1.1.1.1';
const BASE = 'http://spineqc.example:8080/dicomweb/';
const stored = (sop: string, extra: Partial<Extract<StowResult, { ok: true }>> = {}): StowResult => ({
  ok: true,
  sopClassUid: DX,
  sopInstanceUid: sop,
  duplicate: false,
  ...extra,
});

describe('stowResponse', () => {
  it('answers 200 with a Referenced SOP Sequence when everything was stored', () => {
    const response = stowResponse(
      [
        stored('1.2.3.1', { studyInstanceUid: '1.9', seriesInstanceUid: '1.9.1' }),
        stored('1.2.3.2', { duplicate: true, studyInstanceUid: '1.9' }),
      ],
      { retrieveBaseUrl: BASE },
    );
    expect(response.status).toBe(200);
    expect(response.warnings).toEqual([]);
    expect(response.body).toEqual({
      '00081190': { vr: 'UR', Value: ['http://spineqc.example:8080/dicomweb/studies/1.9'] },
      '00081199': {
        vr: 'SQ',
        Value: [
          {
            '00081150': { vr: 'UI', Value: [DX] },
            '00081155': { vr: 'UI', Value: ['1.2.3.1'] },
            '00081190': {
              vr: 'UR',
              Value: ['http://spineqc.example:8080/dicomweb/studies/1.9/series/1.9.1/instances/1.2.3.1'],
            },
          },
          {
            '00081150': { vr: 'UI', Value: [DX] },
            '00081155': { vr: 'UI', Value: ['1.2.3.2'] },
            '00081190': { vr: 'UR' },
          },
        ],
      },
    });
    expect(JSON.parse(JSON.stringify(response.body))).toEqual(response.body);
  });

  it('answers 202 when some failed, with their Failure Reasons and warnings', () => {
    const response = stowResponse(
      [
        stored('1.2.3.1'),
        {
          ok: false,
          sopClassUid: DX,
          sopInstanceUid: '1.2.3.2',
          code: 'MISSING_ATTRIBUTE',
          reason: 'no ViewPosition',
        },
        { ok: false, code: 'NOT_DICOM', reason: 'the data is not a DICOM dataset' },
      ],
      { retrieveBaseUrl: BASE, studyInstanceUid: '1.9' },
    );
    expect(response.status).toBe(202);
    expect(response.body['00081190']).toEqual({
      vr: 'UR',
      Value: ['http://spineqc.example:8080/dicomweb/studies/1.9'],
    });
    expect(response.body['00081198']).toEqual({
      vr: 'SQ',
      Value: [
        {
          '00081150': { vr: 'UI', Value: [DX] },
          '00081155': { vr: 'UI', Value: ['1.2.3.2'] },
          '00081197': { vr: 'US', Value: [0xa900] },
        },
      ],
    });
    // A part that is not even DICOM names no instance: it goes to the Other Failures Sequence.
    expect(response.body['0008119A']).toEqual({
      vr: 'SQ',
      Value: [{ '00081197': { vr: 'US', Value: [0xc000] } }],
    });
    expect(response.warnings).toEqual([
      'A900 SpineQC: 1.2.3.2: no ViewPosition',
      'C000 SpineQC: part 3: the data is not a DICOM dataset',
    ]);
  });

  it('answers 409 when nothing was stored', () => {
    const response = stowResponse(
      [
        {
          ok: false,
          sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
          sopInstanceUid: '1.2.3.4',
          code: 'UNSUPPORTED_SOP_CLASS',
          reason: 'CT',
        },
        {
          ok: false,
          sopClassUid: DX,
          sopInstanceUid: '1.2.3.5',
          code: 'STORAGE_UNAVAILABLE',
          reason: 'disk full',
        },
      ],
      { retrieveBaseUrl: BASE },
    );
    expect(response.status).toBe(409);
    expect(response.body['00081199']).toBeUndefined();
    expect(response.body['00081190']).toEqual({ vr: 'UR' });
    const reasons = (response.body['00081198'].Value as Record<string, { Value: number[] }>[]).map(
      (item) => item['00081197'].Value[0],
    );
    expect(reasons).toEqual([0x0122, 0xa700]);
  });

  it.each([
    ['NOT_DICOM', 0xc000],
    ['UNSUPPORTED_SOP_CLASS', 0x0122],
    ['UNSUPPORTED_TRANSFER_SYNTAX', 0xc122],
    ['MISSING_ATTRIBUTE', 0xa900],
    ['CORRUPT_PIXEL_DATA', 0xc000],
    ['TRUNCATED', 0xc000],
    ['TOO_LARGE', 0xa700],
    ['UNKNOWN_VIEW', 0xa900],
    ['UNSUPPORTED_MEDIA_TYPE', 0xc000],
    ['STORAGE_UNAVAILABLE', 0xa700],
    ['DATABASE_UNAVAILABLE', 0xa700],
    ['BUS_UNAVAILABLE', 0xa700],
    ['INTERNAL', 0x0110],
    ['SOMETHING_NEW', 0x0110],
  ])('maps %s to Failure Reason %i', (code, reason) => {
    const response = stowResponse([{ ok: false, sopInstanceUid: '1.2.3', code, reason: 'r' }], {
      retrieveBaseUrl: BASE,
    });
    expect(response.body['00081198'].Value).toEqual([
      {
        '00081150': { vr: 'UI' },
        '00081155': { vr: 'UI', Value: ['1.2.3'] },
        '00081197': { vr: 'US', Value: [reason] },
      },
    ]);
  });

  it('keeps the text of internal errors out of the warnings', () => {
    const response = stowResponse([{ ok: false, code: 'INTERNAL', reason: 'TypeError at ingest.ts:12' }], {
      retrieveBaseUrl: BASE,
    });
    expect(response.warnings).toEqual(['0110 SpineQC: part 1: internal error']);
  });

  it('names no study when the stored instances belong to several', () => {
    const response = stowResponse(
      [stored('1.1', { studyInstanceUid: '9.1' }), stored('1.2', { studyInstanceUid: '9.2' })],
      { retrieveBaseUrl: BASE },
    );
    expect(response.body['00081190']).toEqual({ vr: 'UR' });
  });

  it('makes warnings safe for an HTTP header field', () => {
    const response = stowResponse(
      [
        {
          ok: false,
          sopInstanceUid: '1.2',
          code: 'MISSING_ATTRIBUTE',
          reason: `line\r\nbreak é ${'x'.repeat(400)}`,
        },
      ],
      { retrieveBaseUrl: BASE },
    );
    expect(response.warnings[0]).toMatch(/^[\x20-\x7e]{1,300}$/);
  });

  it('refuses to answer for no instances at all', () => {
    expect(() => stowResponse([], { retrieveBaseUrl: BASE })).toThrow(StowError);
  });
});
