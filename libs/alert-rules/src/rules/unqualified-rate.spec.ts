import { describe, expect, it } from 'vitest';
import type { AlertRulesConfig } from '../config.js';
import type { AlertExam } from '../types.js';
import {
  evaluateLast,
  makeExam,
  NOT_ASSESSABLE,
  onlyRules,
  QUALIFIED,
  UNQUALIFIED,
} from '../testing/exams.js';

const DAY_MINUTES = 24 * 60;
const config = onlyRules('unqualified-rate');

function stationOnly(base: AlertRulesConfig): AlertRulesConfig {
  const rules = structuredClone(base.rules);
  rules['unqualified-rate'].subjects = ['station'];
  return { ...base, rules };
}

/**
 * `total` assessable exams spread over the last six days, `unqualified` of them unqualified (the newest ones,
 * so the new exam is one), each by its own technologist so only the room's rate is in play.
 */
function roomExams(total: number, unqualified: number, extra: Partial<AlertExam> = {}): AlertExam[] {
  return Array.from({ length: total }, (_, i) =>
    makeExam(`r${String(i).padStart(3, '0')}`, ((total - 1 - i) * 6 * DAY_MINUTES) / total, {
      ...(i >= total - unqualified ? UNQUALIFIED : QUALIFIED),
      technologist: `T${i}`,
      ...extra,
    }),
  );
}

describe('unqualified-rate', () => {
  it('fires when a room’s 7-day rate exceeds 10 % with at least 20 assessable exams', () => {
    const alerts = evaluateLast(roomExams(20, 3), config);
    expect(alerts).toEqual([
      {
        ruleKind: 'unqualified-rate',
        ruleVersion: '1.0.0',
        subjectKind: 'station',
        subject: 'DR-ROOM-1',
        title: 'Unqualified rate above the investigation level: Station DR-ROOM-1',
        message:
          'Station DR-ROOM-1: unqualified rate over the last 7 days is 15 % (3 of 20 assessable exams), ' +
          'above the 10 % investigation level (AAPM TG-151).',
        examIds: ['r017', 'r018', 'r019'],
        metrics: { unqualified: 3, assessable: 20, rate: 0.15, threshold: 0.1, days: 7 },
      },
    ]);
  });

  it('does not fire at exactly the investigation level: it must be exceeded', () => {
    expect(evaluateLast(roomExams(20, 2), config)).toEqual([]);
    expect(evaluateLast(roomExams(30, 3), config)).toEqual([]);
    expect(evaluateLast(roomExams(30, 4), config)).toHaveLength(1);
  });

  it('needs at least 20 assessable exams; not-assessable exams do not count', () => {
    expect(evaluateLast(roomExams(19, 10), config)).toEqual([]);
    const withUnjudged = [
      makeExam('x', 3 * DAY_MINUTES, { ...NOT_ASSESSABLE, technologist: 'X' }),
      ...roomExams(19, 10),
    ];
    expect(evaluateLast(withUnjudged, config)).toEqual([]);
    expect(evaluateLast(roomExams(20, 10), config)).toHaveLength(1);
  });

  it('only counts the last 7 days: an exam exactly 7 days old is outside', () => {
    const old = makeExam('old', 7 * DAY_MINUTES, { ...QUALIFIED, technologist: 'Old' });
    // 3 of 19 is 15.8 % but below 20 exams; counting the 7-day-old exam would make it 3 of 20 and fire.
    expect(evaluateLast([old, ...roomExams(19, 3)], config)).toEqual([]);
    const justInside = makeExam('in', 7 * DAY_MINUTES - 1, { ...QUALIFIED, technologist: 'In' });
    expect(evaluateLast([justInside, ...roomExams(19, 3)], config)[0].metrics).toMatchObject({
      unqualified: 3,
      assessable: 20,
    });
  });

  it('evaluates the technologist across rooms as well, as a separate alert', () => {
    const exams = Array.from({ length: 20 }, (_, i) =>
      makeExam(`t${String(i).padStart(2, '0')}`, (19 - i) * 60, {
        ...(i >= 17 ? UNQUALIFIED : QUALIFIED),
        station: `DR-ROOM-${(i % 3) + 1}`,
      }),
    );
    const alerts = evaluateLast(exams, config);
    expect(alerts.map((a) => [a.subjectKind, a.subject])).toEqual([['technologist', 'Larsen']]);
    expect(alerts[0].title).toBe('Unqualified rate above the investigation level: Technologist Larsen');
    expect(alerts[0].examIds).toEqual(['t17', 't18', 't19']);
    expect(evaluateLast(exams, stationOnly(config))).toEqual([]);
  });

  it('raises one alert per subject kind when both the room and the technologist exceed it', () => {
    const exams = roomExams(20, 3, { technologist: 'Larsen' });
    const alerts = evaluateLast(exams, config);
    expect(alerts.map((a) => [a.subjectKind, a.subject])).toEqual([
      ['station', 'DR-ROOM-1'],
      ['technologist', 'Larsen'],
    ]);
  });

  it('is raised only by an unqualified exam', () => {
    const exams = [
      ...roomExams(30, 5).slice(0, -1),
      makeExam('good', 0, { ...QUALIFIED, technologist: 'G' }),
    ];
    expect(evaluateLast(exams, config)).toEqual([]);
  });

  it('never alerts for an unknown room or technologist', () => {
    expect(evaluateLast(roomExams(20, 5, { station: '', technologist: '' }), config)).toEqual([]);
  });
});
