import { UsageError } from '../errors.js';

/** Parses "1,5" into [1, 5]: positive numbers, each at most `max`, no duplicates, in the order given. */
export function parsePositiveList(name: string, options: { integer: boolean; max: number }) {
  return (value: string): number[] => {
    const parts = value.split(',').map((p) => p.trim());
    const numbers = parts.map(Number);
    const bad = parts.find(
      (p, i) =>
        p === '' ||
        !Number.isFinite(numbers[i]) ||
        numbers[i] <= 0 ||
        numbers[i] > options.max ||
        (options.integer && !Number.isInteger(numbers[i])),
    );
    if (bad !== undefined) {
      const kind = options.integer ? 'positive integers' : 'positive numbers';
      throw new UsageError(
        `${name} must be a comma-separated list of ${kind} up to ${options.max}, got "${value}"`,
      );
    }
    if (new Set(numbers).size !== numbers.length)
      throw new UsageError(`${name} lists a value twice: "${value}"`);
    return numbers;
  };
}
