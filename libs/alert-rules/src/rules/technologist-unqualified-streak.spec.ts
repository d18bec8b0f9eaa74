import { describe, expect, it } from 'vitest';
import {
  evaluateLast,
  makeExam,
  NOT_ASSESSABLE,
  onlyRules,
  QUALIFIED,
  series,
  UNQUALIFIED,
} from '../testing/exams.js';

const config = onlyRules('technologist-unqualified-streak');
const Q = QUALIFIED;
const U = UNQUALIFIED;

describe('technologist-unqualified-streak', () => {
  it('fires at 3 unqualified of the last 5 assessable exams and quotes the numbers', () => {
    const alerts = evaluateLast(series([Q, U, Q, U, U]), config);
    expect(alerts).toEqual([
      {
        ruleKind: 'technologist-unqualified-streak',
        ruleVersion: '1.0.0',
        subjectKind: 'technologist',
        subject: 'Larsen',
        title: 'Repeated unqualified exams: Larsen',
        message: 'Larsen has 3 unqualified of their last 5 assessable exams (alert at 3 of 5).',
        examIds: ['e2', 'e4', 'e5'],
        metrics: { unqualified: 3, assessable: 5, minUnqualified: 3, window: 5 },
      },
    ]);
  });

  it('does not fire at 2 of 5', () => {
    expect(evaluateLast(series([Q, Q, Q, U, U]), config)).toEqual([]);
  });

  it('only counts the last 5: an unqualified exam before them does not count', () => {
    expect(evaluateLast(series([U, Q, Q, Q, U, U]), config)).toEqual([]);
    expect(evaluateLast(series([U, Q, Q, U, U]), config)[0].examIds).toEqual(['e1', 'e4', 'e5']);
  });

  it('fires for a technologist with fewer than 5 exams once 3 are unqualified', () => {
    const [alert] = evaluateLast(series([U, U, U]), config);
    expect(alert.message).toBe(
      'Larsen has 3 unqualified of their last 3 assessable exams (alert at 3 of 5).',
    );
    expect(alert.metrics).toMatchObject({ unqualified: 3, assessable: 3 });
  });

  it('skips exams that were not assessable: they neither count nor push exams out of the window', () => {
    const exams = series([U, Q, NOT_ASSESSABLE, NOT_ASSESSABLE, Q, U, Q, U]);
    // The last 5 assessable are e2, e5, e6, e7, e8 (2 unqualified); e1 is the sixth.
    expect(evaluateLast(exams, config)).toEqual([]);
    const withFailure = series([Q, U, NOT_ASSESSABLE, U, NOT_ASSESSABLE, Q, U]);
    expect(evaluateLast(withFailure, config)[0].examIds).toEqual(['e2', 'e4', 'e7']);
  });

  it('counts the technologist across rooms and ignores other technologists', () => {
    const exams = [
      makeExam('a', 40, { ...U, station: 'DR-ROOM-2' }),
      makeExam('b', 30, { ...U, technologist: 'Okafor' }),
      makeExam('c', 20, { ...U, technologist: 'Okafor' }),
      makeExam('d', 10, { ...U, station: 'DR-ROOM-3' }),
      makeExam('e', 0, U),
    ];
    expect(evaluateLast(exams, config)[0]).toMatchObject({ subject: 'Larsen', examIds: ['a', 'd', 'e'] });
  });

  it('is raised by an unqualified exam, never by a qualified one while the count still holds', () => {
    expect(evaluateLast(series([U, U, U, Q]), config)).toEqual([]);
    expect(evaluateLast(series([U, U, U, NOT_ASSESSABLE]), config)).toEqual([]);
  });

  it('is not raised by a late unqualified exam that falls outside the window', () => {
    const exams = series([Q, Q, Q, U, U, U]);
    const late = makeExam('late', 100, U);
    expect(evaluateLast([...exams, late], config)).toEqual([]);
  });

  it('never alerts for an unknown technologist', () => {
    const exams = series([U, U, U, U, U].map((f) => ({ ...f, technologist: '' })));
    expect(evaluateLast(exams, config)).toEqual([]);
  });
});
