import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VIEWS } from '@spineqc/qc-standard';
import { ALERT_RULE_KINDS, ALERT_SUBJECT_KINDS, type AlertRulesConfig } from './config.js';
import { evaluateAlerts } from './evaluate.js';
import { countPeriods, periodStart } from './period-counts.js';
import { makeExam, minutesBefore, NOW, onlyRules } from './testing/exams.js';
import type { AlertExam, EvaluateAlertsInput, NewAlert, RecentAlert } from './types.js';

const TEN_DAYS_MINUTES = 10 * 24 * 60;
// Few subjects and criteria, so that runs, streaks and rates actually occur.
const STATIONS = ['DR-ROOM-1', 'DR-ROOM-2', ''];
const TECHNOLOGISTS = ['Larsen', 'Okafor', ''];
const CRITERIA = ['vertebrae-in-field', 'exposure', 'sacrum-in-field'];

const examFields = fc
  .record({
    station: fc.constantFrom(...STATIONS),
    technologist: fc.constantFrom(...TECHNOLOGISTS),
    view: fc.constantFrom(...VIEWS),
    minutesAgo: fc.integer({ min: 0, max: TEN_DAYS_MINUTES }),
    // Mostly assessable exams, as in a real room, so that the rate and streak rules have something to count.
    assessable: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
    qualified: fc.boolean(),
    failedCriteria: fc.subarray(CRITERIA),
    deviationIndex: fc.option(fc.double({ min: -6, max: 6, noNaN: true }), { nil: null }),
  })
  .map(({ minutesAgo, assessable, qualified, ...rest }) => ({
    ...rest,
    receivedAt: minutesBefore(minutesAgo),
    assessable,
    qualified: assessable ? qualified : null,
  }));

const exams = fc
  .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 40 })
  .chain((ids) =>
    fc.tuple(...ids.map((id) => examFields.map((f): AlertExam => ({ examId: `x${id}`, ...f })))),
  );

const config: fc.Arbitrary<AlertRulesConfig> = fc
  .record({
    window: fc.integer({ min: 1, max: 6 }),
    minFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    count: fc.integer({ min: 2, max: 4 }),
    days: fc.integer({ min: 3, max: 12 }),
    threshold: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
    minExams: fc.integer({ min: 1, max: 6 }),
    subjects: fc.constantFrom<('station' | 'technologist')[]>(
      ['station'],
      ['technologist'],
      ['station', 'technologist'],
    ),
    // DI ranges always contain 0, the ideal exposure.
    low: fc.integer({ min: -4, max: -1 }),
    high: fc.integer({ min: 0, max: 4 }),
    cooldownMinutes: fc.integer({ min: 1, max: 600 }),
    enabled: fc.array(
      fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
      { minLength: 4, maxLength: 4 },
    ),
  })
  .map((p) => {
    const atLeast = (n: number) =>
      Math.max(1, Math.min(p.window, Math.ceil(p.minFraction * p.window) || 1, n));
    return {
      version: '1.0.0',
      rules: {
        'technologist-unqualified-streak': {
          enabled: p.enabled[0],
          window: p.window,
          minUnqualified: atLeast(p.window),
          cooldownMinutes: p.cooldownMinutes,
        },
        'criterion-repeated-in-room': {
          enabled: p.enabled[1],
          count: p.count,
          cooldownMinutes: p.cooldownMinutes,
        },
        'unqualified-rate': {
          enabled: p.enabled[2],
          days: p.days,
          threshold: p.threshold,
          minExams: p.minExams,
          subjects: p.subjects,
          cooldownMinutes: p.cooldownMinutes,
        },
        'deviation-index-out-of-range': {
          enabled: p.enabled[3],
          low: p.low,
          high: p.high,
          window: p.window,
          minCount: atLeast(p.window),
          cooldownMinutes: p.cooldownMinutes,
        },
      },
    };
  });

const recentAlerts: fc.Arbitrary<RecentAlert[]> = fc.array(
  fc.record({
    ruleKind: fc.constantFrom(...ALERT_RULE_KINDS),
    subjectKind: fc.constantFrom<'station' | 'technologist'>('station', 'technologist'),
    subject: fc.constantFrom(...STATIONS, ...TECHNOLOGISTS),
    raisedAt: fc.integer({ min: -60, max: 2000 }).map((m) => minutesBefore(m)),
  }),
  { maxLength: 4 },
);

/** The new exam is the first generated one; the history holds the rest, and maybe a copy of it. */
const scenario = fc
  .record({ exams, config, recentAlerts, includeNew: fc.boolean() })
  .map(({ exams: [exam, ...rest], config, recentAlerts, includeNew }) => ({
    config,
    exam,
    history: includeNew ? [...rest, exam] : rest,
    recentAlerts,
    now: NOW,
  }));

const runs = { numRuns: 300 };
const key = (a: NewAlert) => `${a.ruleKind}|${a.subjectKind}|${a.subject}`;

describe('alert evaluation properties', () => {
  it('is deterministic and independent of the order and duplication of the history', () => {
    fc.assert(
      fc.property(
        scenario.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray(input.history, { minLength: input.history.length }),
            fc.subarray(input.history),
          ),
        ),
        ([input, shuffled, duplicates]) => {
          const alerts = evaluateAlerts(input);
          expect(evaluateAlerts(input)).toEqual(alerts);
          expect(evaluateAlerts({ ...input, history: [...duplicates, ...shuffled] })).toEqual(alerts);
        },
      ),
      runs,
    );
  });

  it('never raises two alerts for the same rule, subject kind and subject, nor for an unknown subject', () => {
    const raisedKinds = new Set<string>();
    fc.assert(
      fc.property(scenario, (input) => {
        const alerts = evaluateAlerts(input);
        for (const alert of alerts) raisedKinds.add(alert.ruleKind);
        expect(new Set(alerts.map(key)).size).toBe(alerts.length);
        for (const alert of alerts) {
          expect(alert.subject).not.toBe('');
          expect(alert.examIds).toContain(input.exam.examId);
        }
      }),
      runs,
    );
    // The generated scenarios must exercise every rule, or the properties above would hold vacuously.
    expect([...raisedKinds].sort()).toEqual([...ALERT_RULE_KINDS].sort());
  });

  it('lists triggering exams oldest first, each an exam of the alert’s subject', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const byId = new Map([...input.history, input.exam].map((e) => [e.examId, e]));
        byId.set(input.exam.examId, input.exam);
        for (const alert of evaluateAlerts(input)) {
          const triggering = alert.examIds.map((id) => byId.get(id)!);
          expect(new Set(alert.examIds).size).toBe(alert.examIds.length);
          for (const exam of triggering) expect(exam[alert.subjectKind]).toBe(alert.subject);
          const times = triggering.map((e) => e.receivedAt.getTime());
          expect(times).toEqual([...times].sort((a, b) => a - b));
        }
      }),
      runs,
    );
  });

  it('raises nothing with every rule disabled', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        expect(
          evaluateAlerts({ ...input, config: { ...onlyRules(), version: input.config.version } }),
        ).toEqual([]);
      }),
      runs,
    );
  });

  it('raises nothing on a history of only qualified exams with DI 0', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const good = (e: AlertExam): AlertExam => ({
          ...e,
          assessable: true,
          qualified: true,
          failedCriteria: [],
          deviationIndex: 0,
        });
        expect(
          evaluateAlerts({ ...input, exam: good(input.exam), history: input.history.map(good) }),
        ).toEqual([]);
      }),
      runs,
    );
  });

  it('raises nothing twice: once raised, the same verdict is silenced by its own alerts', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const raised = evaluateAlerts(input).map((a) => ({ ...a, raisedAt: input.now }));
        expect(evaluateAlerts({ ...input, recentAlerts: [...input.recentAlerts, ...raised] })).toEqual([]);
      }),
      runs,
    );
  });

  it('an older qualified exam beyond the windows never changes what the streak rules raise', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom(...VIEWS), (input, view) => {
        const all = [input.exam, ...input.history];
        const oldest = Math.min(...all.map((e) => e.receivedAt.getTime()));
        // Older than every exam and outside any rate period, so only the count windows could see it.
        const periodMinutes = input.config.rules['unqualified-rate'].days * 24 * 60;
        const minutesAgo = Math.max((NOW.getTime() - oldest) / 60_000, periodMinutes) + 1;
        const older = makeExam('older', minutesAgo, {
          station: input.exam.station,
          technologist: input.exam.technologist,
          view,
        });
        const evidence = (input: EvaluateAlertsInput) =>
          evaluateAlerts(input).map((a) => [key(a), a.title, a.examIds]);
        expect(evidence({ ...input, history: [older, ...input.history] })).toEqual(evidence(input));
      }),
      runs,
    );
  });

  it('raises the same alerts from period counts (as a database aggregates them) as from the history', () => {
    let rateAlerts = 0;
    fc.assert(
      fc.property(scenario, fc.subarray([...ALERT_SUBJECT_KINDS]), (input, kinds) => {
        const since = periodStart(input.config.rules['unqualified-rate'].days, input.now);
        const counted = countPeriods(input.exam, input.history, since);
        const periodCounts = Object.fromEntries(kinds.map((kind) => [kind, counted[kind]]));
        const alerts = evaluateAlerts(input);
        expect(evaluateAlerts({ ...input, periodCounts })).toEqual(alerts);
        // With counts for both kinds the rate rule needs none of the period's exams.
        const rateOnly = { ...input, config: rateRuleOnly(input.config) };
        const fromHistory = evaluateAlerts(rateOnly);
        expect(evaluateAlerts({ ...rateOnly, history: [], periodCounts: counted })).toEqual(fromHistory);
        rateAlerts += fromHistory.length;
      }),
      runs,
    );
    expect(rateAlerts).toBeGreaterThan(0);
  });
});

function rateRuleOnly(config: AlertRulesConfig): AlertRulesConfig {
  const rules = structuredClone(config.rules);
  for (const kind of ALERT_RULE_KINDS) rules[kind].enabled = kind === 'unqualified-rate';
  return { ...config, rules };
}
