/** A user mistake on the command line: printed without a stack trace, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parsePositiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0)
      throw new UsageError(`${name} must be a positive integer, got "${value}"`);
    return n;
  };
}

export function parseNonNegativeInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff)
      throw new UsageError(`${name} must be an integer between 0 and 4294967295, got "${value}"`);
    return n;
  };
}

export function parsePositiveNumber(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new UsageError(`${name} must be a number between ${min} and ${max}, got "${value}"`);
    return n;
  };
}

/** Some inputs failed while the others were processed: exit status 1, message without a stack. */
export class PartialFailure extends Error {
  override readonly name = 'PartialFailure';
}
