import { describe, expect, it } from 'vitest';
import { examVerdict } from './exam-verdict';

describe('exam verdict', () => {
  it('reads the verdict from status, qualified and notAssessable', () => {
    expect(examVerdict({ status: 'judged', qualified: true, notAssessable: false })).toBe('qualified');
    expect(examVerdict({ status: 'judged', qualified: false, notAssessable: false })).toBe('unqualified');
    expect(examVerdict({ status: 'judged', qualified: null, notAssessable: true })).toBe('notAssessable');
    expect(examVerdict({ status: 'received', qualified: null, notAssessable: null })).toBe('pending');
    expect(examVerdict({ status: 'failed', qualified: null, notAssessable: null })).toBe('failed');
  });
});
