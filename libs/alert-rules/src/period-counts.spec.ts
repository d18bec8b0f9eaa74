import { describe, expect, it } from 'vitest';
import { AlertRulesError } from './errors.js';
import { evaluateAlerts } from './evaluate.js';
import { countPeriods, periodCountsNeeded } from './period-counts.js';
import {
  makeExam,
  minutesBefore,
  NOT_ASSESSABLE,
  NOW,
  onlyRules,
  QUALIFIED,
  UNQUALIFIED,
} from './testing/exams.js';
import type { AlertExam, EvaluateAlertsInput, PeriodCounts } from './types.js';

const DAY_MINUTES = 24 * 60;
const config = onlyRules('unqualified-rate');
const SINCE = minutesBefore(7 * DAY_MINUTES);

describe('periodCountsNeeded', () => {
  it('asks for the 7-day period of the new exam’s room and technologist when it is unqualified', () => {
    expect(periodCountsNeeded(config, makeExam('n', 0, UNQUALIFIED), NOW)).toEqual({
      since: SINCE,
      subjects: [
        { kind: 'station', subject: 'DR-ROOM-1' },
        { kind: 'technologist', subject: 'Larsen' },
      ],
    });
  });

  it('asks for nothing when the rule cannot fire: a qualified or unassessable exam, too old, rule off', () => {
    expect(periodCountsNeeded(config, makeExam('n', 0, QUALIFIED), NOW)).toBeNull();
    expect(periodCountsNeeded(config, makeExam('n', 0, NOT_ASSESSABLE), NOW)).toBeNull();
    expect(periodCountsNeeded(config, makeExam('n', 7 * DAY_MINUTES, UNQUALIFIED), NOW)).toBeNull();
    expect(periodCountsNeeded(onlyRules(), makeExam('n', 0, UNQUALIFIED), NOW)).toBeNull();
  });

  it('leaves out unknown subjects and kinds the rule does not evaluate', () => {
    const roomOnly = onlyRules('unqualified-rate');
    roomOnly.rules['unqualified-rate'].subjects = ['station'];
    expect(periodCountsNeeded(roomOnly, makeExam('n', 0, UNQUALIFIED), NOW)?.subjects).toEqual([
      { kind: 'station', subject: 'DR-ROOM-1' },
    ]);
    const unknownRoom = makeExam('n', 0, { ...UNQUALIFIED, station: '' });
    expect(periodCountsNeeded(config, unknownRoom, NOW)?.subjects).toEqual([
      { kind: 'technologist', subject: 'Larsen' },
    ]);
    expect(periodCountsNeeded(config, { ...unknownRoom, technologist: ' ' }, NOW)).toBeNull();
  });
});

describe('countPeriods', () => {
  it('counts each exam once, the new exam over a stale copy of itself, strictly after `since`', () => {
    const exam = makeExam('new', 0, UNQUALIFIED);
    const history: AlertExam[] = [
      makeExam('new', 0, QUALIFIED), // a stale copy: the new verdict wins
      makeExam('a', 60, UNQUALIFIED),
      makeExam('a', 60, UNQUALIFIED),
      makeExam('b', 120, { ...UNQUALIFIED, station: 'DR-ROOM-2' }),
      makeExam('c', 180, NOT_ASSESSABLE),
      makeExam('edge', 7 * DAY_MINUTES, UNQUALIFIED),
    ];
    expect(countPeriods(exam, history, SINCE)).toEqual({
      station: { since: SINCE, assessable: 2, unqualified: 2, unqualifiedExamIds: ['a', 'new'] },
      technologist: { since: SINCE, assessable: 3, unqualified: 3, unqualifiedExamIds: ['b', 'a', 'new'] },
    });
  });
});

describe('evaluating with period counts', () => {
  const exam = makeExam('new', 0, UNQUALIFIED);
  const counts = (fields: Partial<PeriodCounts> = {}): PeriodCounts => ({
    since: SINCE,
    assessable: 40,
    unqualified: 5,
    unqualifiedExamIds: ['u1', 'u2', 'u3', 'u4', 'new'],
    ...fields,
  });
  const input = (periodCounts: EvaluateAlertsInput['periodCounts']): EvaluateAlertsInput => ({
    config,
    exam,
    history: [exam],
    periodCounts,
    recentAlerts: [],
    now: NOW,
  });
  const problemsOf = (periodCounts: EvaluateAlertsInput['periodCounts']) => {
    try {
      evaluateAlerts(input(periodCounts));
    } catch (error) {
      expect(error).toBeInstanceOf(AlertRulesError);
      return (error as AlertRulesError).problems;
    }
    return [];
  };

  it('rates from the counts, not from the history it was given', () => {
    const alerts = evaluateAlerts(
      input({
        station: counts(),
        technologist: counts({ unqualified: 4, unqualifiedExamIds: ['u1', 'u2', 'u3', 'new'] }),
      }),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      subjectKind: 'station',
      subject: 'DR-ROOM-1',
      examIds: ['u1', 'u2', 'u3', 'u4', 'new'],
      metrics: { unqualified: 5, assessable: 40, rate: 0.125 },
    });
    expect(alerts[0]?.message).toContain('12.5 % (5 of 40 assessable exams)');
  });

  it('counts the history for a kind it has no counts for', () => {
    const alerts = evaluateAlerts(input({ technologist: counts() }));
    expect(alerts.map((a) => a.subjectKind)).toEqual(['technologist']);
  });

  it('lists the ids it was given when the caller capped them, with the exact counts', () => {
    const capped = counts({ assessable: 900, unqualified: 300, unqualifiedExamIds: ['u299', 'new'] });
    const [alert] = evaluateAlerts(input({ station: capped }));
    expect(alert).toMatchObject({ examIds: ['u299', 'new'], metrics: { unqualified: 300, assessable: 900 } });
  });

  it('refuses counts of another period, counts that miss the new exam, and inconsistent counts', () => {
    expect(problemsOf({ station: counts({ since: minutesBefore(6 * DAY_MINUTES) }) })).toEqual([
      'periodCounts.station.since: not the start of the 7-day period ending now',
    ]);
    expect(
      problemsOf({ station: counts({ unqualified: 4, unqualifiedExamIds: ['u1', 'u2', 'u3', 'u4'] }) }),
    ).toEqual(['periodCounts.station: does not count the new exam (count after storing it)']);
    expect(
      problemsOf({ technologist: counts({ assessable: 0, unqualified: 0, unqualifiedExamIds: [] }) }),
    ).toEqual(['periodCounts.technologist: does not count the new exam (count after storing it)']);
    expect(problemsOf({ station: counts({ assessable: 3 }) })).toEqual([
      'periodCounts.station.unqualified: more than assessable',
    ]);
    expect(problemsOf({ station: counts({ unqualified: 1.5 }) })).toContain(
      'periodCounts.station.unqualified: not a count',
    );
    expect(problemsOf({ station: counts({ unqualifiedExamIds: ['new', 'new'] }) })).toEqual([
      'periodCounts.station.unqualifiedExamIds: empty or repeated ids',
    ]);
    expect(problemsOf({ station: counts({ since: new Date(Number.NaN) }) })).toEqual([
      'periodCounts.station.since: not a valid date',
    ]);
  });

  it('accepts counts without the new exam when it cannot raise the alert', () => {
    const good = makeExam('good', 0, QUALIFIED);
    const none = counts({ assessable: 0, unqualified: 0, unqualifiedExamIds: [] });
    expect(evaluateAlerts({ ...input({ station: none }), exam: good, history: [good] })).toEqual([]);
  });
});
