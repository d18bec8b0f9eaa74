import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from './config.js';
import { AlertRulesError } from './errors.js';
import { evaluateAlerts } from './evaluate.js';
import {
  evaluateLast,
  makeExam,
  minutesBefore,
  NOW,
  onlyRules,
  QUALIFIED,
  series,
  UNQUALIFIED,
} from './testing/exams.js';
import type { AlertExam, RecentAlert } from './types.js';

const U = UNQUALIFIED;
const Q = QUALIFIED;
const streak = onlyRules('technologist-unqualified-streak');
const streakAlert = (minutesAgo: number, fields: Partial<RecentAlert> = {}): RecentAlert => ({
  ruleKind: 'technologist-unqualified-streak',
  subjectKind: 'technologist',
  subject: 'Larsen',
  raisedAt: minutesBefore(minutesAgo),
  ...fields,
});

describe('evaluateAlerts', () => {
  it('raises the alerts of every rule one verdict triggers, in rule order', () => {
    const bad: Partial<AlertExam> = {
      qualified: false,
      failedCriteria: ['vertebrae-in-field'],
      deviationIndex: 4,
    };
    const alerts = evaluateLast(series([bad, bad, bad]), DEFAULT_ALERT_RULES);
    expect(alerts.map((a) => [a.ruleKind, a.subjectKind, a.subject])).toEqual([
      ['technologist-unqualified-streak', 'technologist', 'Larsen'],
      ['criterion-repeated-in-room', 'station', 'DR-ROOM-1'],
      ['deviation-index-out-of-range', 'station', 'DR-ROOM-1'],
    ]);
    expect(alerts.every((a) => a.ruleVersion === '1.0.0')).toBe(true);
  });

  it('records the configuration version on each alert', () => {
    const config = { ...streak, version: '2.1.0' };
    expect(evaluateLast(series([U, U, U]), config)[0].ruleVersion).toBe('2.1.0');
  });

  it('gives the same result whether or not the history includes the new exam', () => {
    const exams = series([Q, U, U, U]);
    const withoutNew = evaluateAlerts({
      config: streak,
      exam: exams[3],
      history: exams.slice(0, 3),
      recentAlerts: [],
      now: NOW,
    });
    expect(withoutNew).toEqual(evaluateLast(exams, streak));
    expect(withoutNew[0].examIds).toEqual(['e2', 'e3', 'e4']);
  });

  it('dedupes by examId: the new verdict replaces a stale copy, duplicates count once', () => {
    const exams = series([U, U, U]);
    const stale = { ...exams[2], qualified: null, assessable: false };
    const alerts = evaluateAlerts({
      config: streak,
      exam: exams[2],
      history: [stale, exams[0], exams[1], exams[0], exams[1], stale],
      recentAlerts: [],
      now: NOW,
    });
    expect(alerts[0].examIds).toEqual(['e1', 'e2', 'e3']);
    expect(alerts[0].metrics).toMatchObject({ unqualified: 3, assessable: 3 });
  });

  it('orders exams by time, whatever the order of the history, examId breaking ties', () => {
    const exams = [makeExam('c', 5, U), makeExam('a', 5, U), makeExam('b', 10, U), makeExam('d', 0, U)];
    expect(evaluateLast(exams, streak)[0].examIds).toEqual(['b', 'a', 'c', 'd']);
  });

  describe('cool-down', () => {
    const exams = series([U, U, U]);

    it('raises nothing while an alert for the same rule and subject is within the cool-down', () => {
      expect(evaluateLast(exams, streak, { recentAlerts: [streakAlert(239)] })).toEqual([]);
      expect(evaluateLast(exams, streak, { recentAlerts: [streakAlert(0)] })).toEqual([]);
    });

    it('raises again once the cool-down has passed', () => {
      expect(evaluateLast(exams, streak, { recentAlerts: [streakAlert(240)] })).toHaveLength(1);
      expect(evaluateLast(exams, streak, { recentAlerts: [streakAlert(10_000)] })).toHaveLength(1);
    });

    it('counts an alert stamped in the future as recent', () => {
      expect(evaluateLast(exams, streak, { recentAlerts: [streakAlert(-30)] })).toEqual([]);
    });

    it('is per rule, subject kind and subject', () => {
      const others = [
        streakAlert(1, { subject: 'Okafor' }),
        streakAlert(1, { subjectKind: 'station' }),
        streakAlert(1, { ruleKind: 'unqualified-rate' }),
      ];
      expect(evaluateLast(exams, streak, { recentAlerts: others })).toHaveLength(1);
    });

    it('follows each rule’s own cool-down, 0 meaning none', () => {
      const rules = structuredClone(streak.rules);
      rules['technologist-unqualified-streak'].cooldownMinutes = 0;
      const config = { ...streak, rules };
      expect(evaluateLast(exams, config, { recentAlerts: [streakAlert(0)] })).toHaveLength(1);
      rules['technologist-unqualified-streak'].cooldownMinutes = 30;
      expect(evaluateLast(exams, config, { recentAlerts: [streakAlert(29)] })).toEqual([]);
      expect(evaluateLast(exams, config, { recentAlerts: [streakAlert(30)] })).toHaveLength(1);
    });

    it('silences only the rule that is cooling down', () => {
      const bad: Partial<AlertExam> = { qualified: false, failedCriteria: ['exposure'] };
      const alerts = evaluateLast(
        series([bad, bad, bad]),
        onlyRules('technologist-unqualified-streak', 'criterion-repeated-in-room'),
        {
          recentAlerts: [streakAlert(5)],
        },
      );
      expect(alerts.map((a) => a.ruleKind)).toEqual(['criterion-repeated-in-room']);
    });
  });

  it('raises nothing for a disabled rule', () => {
    const allButStreak = onlyRules(
      'criterion-repeated-in-room',
      'unqualified-rate',
      'deviation-index-out-of-range',
    );
    expect(evaluateLast(series([U, U, U]), allButStreak).map((a) => a.ruleKind)).toEqual([
      'criterion-repeated-in-room',
    ]);
    expect(evaluateLast(series([U, U, U]), onlyRules())).toEqual([]);
  });

  it('refuses an invalid configuration with the module error', () => {
    const rules = structuredClone(streak.rules);
    rules['technologist-unqualified-streak'].window = 0;
    expect(() => evaluateLast(series([U]), { ...streak, rules })).toThrow(AlertRulesError);
  });

  it('refuses invalid dates and numbers, naming where they are', () => {
    const exam = makeExam('e1', 0, U);
    const bad = { ...makeExam('e0', 5), receivedAt: new Date('nope'), deviationIndex: Number.NaN };
    try {
      evaluateAlerts({
        config: streak,
        exam,
        history: [bad],
        recentAlerts: [streakAlert(0, { raisedAt: new Date(Number.NaN) })],
        now: new Date(Number.NaN),
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AlertRulesError);
      expect((error as AlertRulesError).code).toBe('INVALID_INPUT');
      expect((error as AlertRulesError).problems).toEqual([
        'now: not a valid date',
        'history[0].receivedAt: not a valid date',
        'history[0].deviationIndex: not a finite number',
        'recentAlerts[0].raisedAt: not a valid date',
      ]);
    }
  });
});
