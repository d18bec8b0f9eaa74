import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { parsePositiveList } from './list-flags.js';

describe('parsePositiveList', () => {
  const rates = parsePositiveList('--rates', { integer: false, max: 100 });
  const workers = parsePositiveList('--workers', { integer: true, max: 16 });

  it('reads comma-separated values in the order given', () => {
    expect(rates('1,5')).toEqual([1, 5]);
    expect(rates(' 0.5 , 2 ')).toEqual([0.5, 2]);
    expect(workers('2,1')).toEqual([2, 1]);
  });

  it('refuses empty, non-positive, fractional (for integers), too large and repeated values', () => {
    for (const value of ['', '1,', 'a', '0', '-1', '101']) expect(() => rates(value)).toThrow(UsageError);
    expect(() => workers('1.5')).toThrow(/positive integers up to 16/);
    expect(() => workers('17')).toThrow(UsageError);
    expect(() => workers('1,1')).toThrow(/twice/);
  });
});
