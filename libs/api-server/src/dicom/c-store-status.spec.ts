import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors/api-error.js';
import { C_STORE_STATUS, cStoreFailureFor, errorComment } from './c-store-status.js';

describe('cStoreFailureFor', () => {
  it.each([
    ['NOT_DICOM', 0xc000],
    ['UNSUPPORTED_SOP_CLASS', 0x0122],
    ['UNSUPPORTED_TRANSFER_SYNTAX', 0xc000],
    ['MISSING_ATTRIBUTE', 0xa900],
    ['CORRUPT_PIXEL_DATA', 0xc000],
    ['TRUNCATED', 0xc000],
    ['TOO_LARGE', 0xa700],
    ['UNKNOWN_VIEW', 0xa900],
    ['UNSUPPORTED_MEDIA_TYPE', 0xc000],
    ['STORAGE_UNAVAILABLE', 0xa700],
    ['DATABASE_UNAVAILABLE', 0xa700],
    ['BUS_UNAVAILABLE', 0xa700],
  ] as const)('maps %s to 0x%s', (code, status) => {
    expect(cStoreFailureFor(new ApiError(code, 'why it failed'))).toEqual({
      status,
      code,
      comment: 'why it failed',
    });
  });

  it('reads the code of any error object, not only ApiError', () => {
    const error = Object.assign(new Error('ViewPosition missing'), { code: 'MISSING_ATTRIBUTE' });
    expect(cStoreFailureFor(error).status).toBe(C_STORE_STATUS.dataSetDoesNotMatchSopClass);
  });

  it('treats anything else as an internal processing failure and keeps its text private', () => {
    for (const error of [
      new Error('ECONNRESET at db.ts:42'),
      { code: 'EACCES' },
      'boom',
      undefined,
      { code: 7 },
    ]) {
      expect(cStoreFailureFor(error)).toEqual({
        status: C_STORE_STATUS.processingFailure,
        code: 'INTERNAL',
        comment: 'internal error',
      });
    }
    expect(cStoreFailureFor(Object.assign(new Error('x'), { code: 'toString' })).code).toBe('INTERNAL');
  });
});

describe('errorComment', () => {
  it('fits LO: at most 64 ASCII characters, no backslash or control characters', () => {
    const comment = errorComment(`bad\\value\n${'é'.repeat(10)} ${'x'.repeat(100)}`);
    expect(comment.length).toBe(64);
    expect(comment).toMatch(/^[\x20-\x5b\x5d-\x7e]+$/);
    expect(comment.endsWith('...')).toBe(true);
    expect(errorComment('short')).toBe('short');
  });
});
