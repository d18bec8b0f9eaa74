import { describe, expect, it } from 'vitest';
import type { AlertExam } from '../types.js';
import { evaluateLast, makeExam, NOT_ASSESSABLE, onlyRules, series } from '../testing/exams.js';

const config = onlyRules('deviation-index-out-of-range');
const di = (deviationIndex: number | null): Partial<AlertExam> => ({ deviationIndex });

describe('deviation-index-out-of-range', () => {
  it('fires when DI is outside ±3 on 3 of the last 5 films of a room, quoting the values', () => {
    expect(evaluateLast(series([di(-4.1), di(0.5), di(3.6), di(1), di(5)]), config)).toEqual([
      {
        ruleKind: 'deviation-index-out-of-range',
        ruleVersion: '1.0.0',
        subjectKind: 'station',
        subject: 'DR-ROOM-1',
        title: 'Deviation Index repeatedly out of range in DR-ROOM-1',
        message:
          'Deviation Index outside −3 to +3 on 3 of the last 5 films in DR-ROOM-1 ' +
          '(DI −4.1, +3.6, +5; alert at 3 of 5).',
        examIds: ['e1', 'e3', 'e5'],
        metrics: { outOfRange: 3, films: 5, low: -3, high: 3, minCount: 3, window: 5 },
      },
    ]);
  });

  it('does not fire at 2 of 5, and the range bounds themselves are inside', () => {
    expect(evaluateLast(series([di(0), di(-3), di(3), di(4), di(-4)]), config)).toEqual([]);
    expect(evaluateLast(series([di(-3.01), di(3), di(3.01), di(0), di(-3.5)]), config)).toHaveLength(1);
  });

  it('only looks at the last 5 films with a known DI; an unknown DI neither counts nor dilutes', () => {
    expect(evaluateLast(series([di(4), di(0), di(0), di(0), di(4), di(4)]), config)).toEqual([]);
    // Known DIs: e1, e3, e5, e6, e8 — the unknown ones do not push e1 out of the window.
    const exams = series([di(4), di(null), di(0), di(null), di(0), di(4), di(null), di(4)]);
    expect(evaluateLast(exams, config)[0]).toMatchObject({
      examIds: ['e1', 'e6', 'e8'],
      metrics: { outOfRange: 3, films: 5 },
    });
  });

  it('counts films whatever their verdict: exposure is judged on every film', () => {
    const exams = series([{ ...NOT_ASSESSABLE, ...di(6) }, { qualified: false, ...di(-5) }, di(4)]);
    expect(evaluateLast(exams, config)[0].metrics).toMatchObject({ outOfRange: 3, films: 3 });
  });

  it('is raised only by a film that is itself out of range', () => {
    expect(evaluateLast(series([di(4), di(4), di(4), di(0)]), config)).toEqual([]);
    expect(evaluateLast(series([di(4), di(4), di(4), di(null)]), config)).toEqual([]);
  });

  it('only looks at one room', () => {
    const exams = [
      makeExam('a', 30, { ...di(5), station: 'DR-ROOM-2' }),
      makeExam('b', 20, { ...di(5), technologist: 'Okafor' }),
      makeExam('c', 10, di(5)),
      makeExam('d', 0, di(5)),
    ];
    expect(evaluateLast(exams, config)[0]).toMatchObject({ subject: 'DR-ROOM-1', examIds: ['b', 'c', 'd'] });
  });

  it('never alerts for an unknown room', () => {
    expect(evaluateLast(series([di(5), di(5), di(5)].map((f) => ({ ...f, station: '' }))), config)).toEqual(
      [],
    );
  });
});
