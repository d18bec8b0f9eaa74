import { describe, expect, it } from 'vitest';
import type { ExamDetailDto } from '@/lib/api-client';
import { pollDelayMs, verdictState } from './verdict-state';

type Verdict = NonNullable<ExamDetailDto['verdict']>;
const verdict = (v: Partial<Verdict>) => ({ qualified: false, notAssessable: false, ...v }) as Verdict;

describe('verdictState', () => {
  it('reads the exam status and verdict', () => {
    expect(verdictState({ status: 'received', verdict: null })).toBe('analysing');
    expect(verdictState({ status: 'failed', verdict: null })).toBe('failed');
    expect(verdictState({ status: 'judged', verdict: verdict({ qualified: true }) })).toBe('qualified');
    expect(verdictState({ status: 'judged', verdict: verdict({}) })).toBe('unqualified');
    expect(verdictState({ status: 'judged', verdict: verdict({ notAssessable: true }) })).toBe(
      'not-assessable',
    );
  });
});

describe('pollDelayMs', () => {
  it('backs off from 1 s to 5 s', () => {
    expect([0, 1, 2, 3, 10].map(pollDelayMs)).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});
