import { describe, expect, it } from 'vitest';
import { alertRulesConfigSchema, DEFAULT_ALERT_RULES, parseAlertRulesConfig } from './config.js';
import { AlertRulesError } from './errors.js';

function withRule(kind: string, patch: Record<string, unknown>): unknown {
  const config = structuredClone(DEFAULT_ALERT_RULES) as unknown as { rules: Record<string, object> };
  config.rules[kind] = { ...config.rules[kind], ...patch };
  return config;
}

function problemsOf(input: unknown): readonly string[] {
  try {
    parseAlertRulesConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AlertRulesError);
    expect((error as AlertRulesError).code).toBe('INVALID_CONFIG');
    return (error as AlertRulesError).problems;
  }
  throw new Error('expected the configuration to be refused');
}

describe('alert rules configuration', () => {
  it('accepts the defaults, which carry the issue’s thresholds', () => {
    expect(parseAlertRulesConfig(DEFAULT_ALERT_RULES)).toEqual(DEFAULT_ALERT_RULES);
    expect(alertRulesConfigSchema.safeParse(DEFAULT_ALERT_RULES).success).toBe(true);
    const { rules } = DEFAULT_ALERT_RULES;
    expect(DEFAULT_ALERT_RULES.version).toBe('1.0.0');
    expect(rules['technologist-unqualified-streak']).toMatchObject({ window: 5, minUnqualified: 3 });
    expect(rules['criterion-repeated-in-room']).toMatchObject({ count: 3 });
    expect(rules['unqualified-rate']).toMatchObject({
      days: 7,
      threshold: 0.1,
      minExams: 20,
      subjects: ['station', 'technologist'],
    });
    expect(rules['deviation-index-out-of-range']).toMatchObject({ low: -3, high: 3, window: 5, minCount: 3 });
  });

  it('names the bad key of each problem', () => {
    expect(problemsOf(withRule('unqualified-rate', { threshold: 1.5 }))).toEqual([
      expect.stringMatching(/^rules\.unqualified-rate\.threshold: /),
    ]);
    expect(problemsOf(withRule('technologist-unqualified-streak', { window: 0 }))[0]).toMatch(
      /^rules\.technologist-unqualified-streak\.window: /,
    );
    expect(problemsOf(withRule('criterion-repeated-in-room', { cooldownMinutes: -1 }))).toEqual([
      expect.stringMatching(/^rules\.criterion-repeated-in-room\.cooldownMinutes: /),
    ]);
  });

  it('refuses inconsistent parameters on the parameter that is wrong', () => {
    expect(problemsOf(withRule('technologist-unqualified-streak', { minUnqualified: 6 }))).toEqual([
      'rules.technologist-unqualified-streak.minUnqualified: must not exceed window',
    ]);
    expect(problemsOf(withRule('deviation-index-out-of-range', { low: 3, high: -3 }))).toEqual([
      'rules.deviation-index-out-of-range.high: must be above low',
    ]);
    expect(problemsOf(withRule('deviation-index-out-of-range', { minCount: 6 }))).toEqual([
      'rules.deviation-index-out-of-range.minCount: must not exceed window',
    ]);
    expect(problemsOf(withRule('unqualified-rate', { subjects: ['station', 'station'] }))).toEqual([
      'rules.unqualified-rate.subjects: must not repeat a kind',
    ]);
    expect(problemsOf(withRule('unqualified-rate', { subjects: ['room'] }))).toEqual([
      expect.stringMatching(/^rules\.unqualified-rate\.subjects\.0: /),
    ]);
  });

  it('names an unknown key, since a misspelt parameter would otherwise be ignored', () => {
    expect(problemsOf(withRule('technologist-unqualified-streak', { minUnqualifed: 3 }))).toEqual([
      'rules.technologist-unqualified-streak.minUnqualifed: unknown key',
    ]);
  });

  it('lists every problem, missing rules and version included', () => {
    const problems = problemsOf({
      rules: { 'unqualified-rate': DEFAULT_ALERT_RULES.rules['unqualified-rate'] },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^version: /),
        expect.stringMatching(/^rules\.technologist-unqualified-streak: /),
        expect.stringMatching(/^rules\.criterion-repeated-in-room: /),
        expect.stringMatching(/^rules\.deviation-index-out-of-range: /),
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(problemsOf({ ...DEFAULT_ALERT_RULES, version: '  ' })).toEqual([
      expect.stringMatching(/^version: /),
    ]);
    expect(problemsOf(null)).toEqual([expect.stringMatching(/^\(root\): /)]);
  });

  it('puts the problems in the error message', () => {
    expect(() => parseAlertRulesConfig(withRule('unqualified-rate', { days: 0 }))).toThrow(
      /invalid alert rules configuration: rules\.unqualified-rate\.days: /,
    );
  });
});
