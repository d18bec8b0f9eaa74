import fc from 'fast-check';
import { ImagingError } from './errors.js';

/** 'ok' when `read` returns, else the ImagingError's code; any other error is rethrown (the test then fails). */
export function imagingOutcome(read: () => unknown): string {
  try {
    read();
    return 'ok';
  } catch (error) {
    if (error instanceof ImagingError) return error.code;
    throw error;
  }
}

/** The same for readers that answer with a promise. */
export async function imagingOutcomeAsync(read: () => unknown): Promise<string> {
  try {
    await read();
    return 'ok';
  } catch (error) {
    if (error instanceof ImagingError) return error.code;
    throw error;
  }
}

/** Damage to a file of `length` bytes: cut anywhere, or up to `maxWrites` bytes overwritten anywhere. */
export function truncateOrOverwrite(
  length: number,
  maxWrites: number,
): fc.Arbitrary<(bytes: Buffer) => Buffer> {
  return fc.oneof(
    fc.nat({ max: length - 1 }).map((at) => (b: Buffer) => b.subarray(0, at)),
    fc
      .array(fc.tuple(fc.nat({ max: length - 1 }), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: maxWrites,
      })
      .map((writes) => (b: Buffer) => {
        for (const [at, value] of writes) b[at] = value;
        return b;
      }),
  );
}
