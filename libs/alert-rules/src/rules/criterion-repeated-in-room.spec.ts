import { describe, expect, it } from 'vitest';
import type { AlertExam } from '../types.js';
import { evaluateLast, makeExam, NOT_ASSESSABLE, onlyRules, QUALIFIED, series } from '../testing/exams.js';

const config = onlyRules('criterion-repeated-in-room');
const Q = QUALIFIED;
const fails = (...failedCriteria: string[]): Partial<AlertExam> => ({ qualified: false, failedCriteria });
const FIELD = fails('vertebrae-in-field');

describe('criterion-repeated-in-room', () => {
  it('fires when the same criterion fails 3 times in a row in one room', () => {
    expect(evaluateLast(series([Q, FIELD, FIELD, FIELD]), config)).toEqual([
      {
        ruleKind: 'criterion-repeated-in-room',
        ruleVersion: '1.0.0',
        subjectKind: 'station',
        subject: 'DR-ROOM-1',
        title: 'Repeated criterion failure in DR-ROOM-1: vertebrae-in-field',
        message:
          "DR-ROOM-1 failed 'vertebrae-in-field' (Seven vertebrae T11–L5 in the field) 3 times in a row (alert at 3).",
        examIds: ['e2', 'e3', 'e4'],
        metrics: { longestRun: 3, count: 3, criteria: 1, 'run:vertebrae-in-field': 3 },
      },
    ]);
  });

  it('does not fire at 2 in a row, nor when a pass breaks the run', () => {
    expect(evaluateLast(series([Q, FIELD, FIELD]), config)).toEqual([]);
    expect(evaluateLast(series([FIELD, FIELD, Q, FIELD]), config)).toEqual([]);
  });

  it('reports the whole run it sees, not only the last 3', () => {
    const [alert] = evaluateLast(series([FIELD, FIELD, FIELD, FIELD]), config);
    expect(alert.message).toContain('4 times in a row');
    expect(alert.examIds).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('needs the same criterion: different failures in a row are not a run', () => {
    expect(evaluateLast(series([fails('exposure'), fails('pelvis-in-field'), FIELD]), config)).toEqual([]);
  });

  it('skips exams that say nothing about the criterion, and counts a not-assessable failure', () => {
    const lateral: Partial<AlertExam> = { view: 'lateral' };
    const sacrum = fails('sacrum-in-field');
    // 'sacrum-in-field' applies to laterals only: the AP exams in between neither extend nor break the run.
    const exams = series([
      { ...lateral, ...sacrum },
      Q,
      { ...lateral, ...sacrum },
      Q,
      { ...lateral, ...sacrum },
    ]);
    expect(evaluateLast(exams, config)[0].examIds).toEqual(['e1', 'e3', 'e5']);
    // A film that could not be judged has no failures and is skipped; a not-assessable one that failed counts.
    const mixed = series([
      FIELD,
      NOT_ASSESSABLE,
      { ...NOT_ASSESSABLE, failedCriteria: ['vertebrae-in-field'] },
      FIELD,
    ]);
    expect(evaluateLast(mixed, config)[0].examIds).toEqual(['e1', 'e3', 'e4']);
  });

  it('puts every criterion that reached the count into one alert for the room', () => {
    const both = fails('vertebrae-in-field', 'exposure');
    const alerts = evaluateLast(series([fails('exposure'), both, both, both]), config);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].message).toBe(
      "DR-ROOM-1 failed 'exposure' (Exposure adequate) 4 times and " +
        "'vertebrae-in-field' (Seven vertebrae T11–L5 in the field) 3 times in a row (alert at 3).",
    );
    expect(alerts[0].examIds).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(alerts[0].metrics).toEqual({
      longestRun: 4,
      count: 3,
      criteria: 2,
      'run:exposure': 4,
      'run:vertebrae-in-field': 3,
    });
  });

  it('only looks at one room, whoever the technologist', () => {
    const exams = [
      makeExam('a', 30, { ...FIELD, technologist: 'Okafor' }),
      makeExam('b', 25, { ...Q, station: 'DR-ROOM-2' }),
      makeExam('c', 20, { ...FIELD, station: 'DR-ROOM-2' }),
      makeExam('d', 10, FIELD),
      makeExam('e', 0, FIELD),
    ];
    expect(evaluateLast(exams, config)[0]).toMatchObject({ subject: 'DR-ROOM-1', examIds: ['a', 'd', 'e'] });
  });

  it('is not raised by a late failure when a later exam already broke the run', () => {
    const exams = [...series([FIELD, FIELD, Q]), makeExam('late', 25, FIELD)];
    expect(evaluateLast(exams, config)).toEqual([]);
  });

  it('never alerts for an unknown room', () => {
    expect(
      evaluateLast(series([FIELD, FIELD, FIELD, FIELD].map((f) => ({ ...f, station: '' }))), config),
    ).toEqual([]);
  });
});
