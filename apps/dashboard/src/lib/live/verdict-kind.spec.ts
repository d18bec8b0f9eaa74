import { describe, expect, it } from 'vitest';
import { verdictKind } from './verdict-kind';

describe('verdictKind', () => {
  it('waits when there is no exam', () => {
    expect(verdictKind(null)).toBe('waiting');
    expect(verdictKind(undefined)).toBe('waiting');
  });

  it('is analysing between received and verdict', () => {
    expect(verdictKind({ status: 'received', qualified: null, notAssessable: null })).toBe('analysing');
  });

  it('tells failed, not assessable, qualified and unqualified apart', () => {
    expect(verdictKind({ status: 'failed', qualified: null, notAssessable: null })).toBe('failed');
    expect(verdictKind({ status: 'judged', qualified: null, notAssessable: true })).toBe('not-assessable');
    expect(verdictKind({ status: 'judged', qualified: true, notAssessable: false })).toBe('qualified');
    expect(verdictKind({ status: 'judged', qualified: false, notAssessable: false })).toBe('unqualified');
  });
});
