import { z } from 'zod';
import { AlertRulesError } from './errors.js';

const count = z.number().int().min(1);
const cooldownMinutes = z.number().int().min(0);

const technologistUnqualifiedStreakSchema = z
  .strictObject({
    enabled: z.boolean(),
    /** How many of the technologist's most recent assessable exams are looked at. */
    window: count,
    /** Unqualified exams among them that raise the alert. */
    minUnqualified: count,
    cooldownMinutes,
  })
  .refine((rule) => rule.minUnqualified <= rule.window, {
    message: 'must not exceed window',
    path: ['minUnqualified'],
  });

const criterionRepeatedInRoomSchema = z.strictObject({
  enabled: z.boolean(),
  /** Consecutive failures of one criterion in one room; 1 would alert on every failure, so at least 2. */
  count: z.number().int().min(2),
  cooldownMinutes,
});

export const ALERT_SUBJECT_KINDS = ['station', 'technologist'] as const;
export type AlertSubjectKind = (typeof ALERT_SUBJECT_KINDS)[number];

const unqualifiedRateSchema = z.strictObject({
  enabled: z.boolean(),
  days: count,
  /** Fraction of assessable exams; the alert needs a rate strictly above it. */
  threshold: z.number().gt(0).lt(1),
  /** Below this many assessable exams a rate says little, so no alert. */
  minExams: count,
  subjects: z
    .array(z.enum(ALERT_SUBJECT_KINDS))
    .min(1)
    .refine((subjects) => new Set(subjects).size === subjects.length, { message: 'must not repeat a kind' }),
  cooldownMinutes,
});

const deviationIndexOutOfRangeSchema = z
  .strictObject({
    enabled: z.boolean(),
    low: z.number(),
    high: z.number(),
    window: count,
    minCount: count,
    cooldownMinutes,
  })
  .refine((rule) => rule.low < rule.high, { message: 'must be above low', path: ['high'] })
  .refine((rule) => rule.minCount <= rule.window, { message: 'must not exceed window', path: ['minCount'] });

export const alertRulesConfigSchema = z.strictObject({
  /** Recorded on every alert so a reader knows which thresholds raised it. */
  version: z.string().trim().min(1),
  rules: z.strictObject({
    'technologist-unqualified-streak': technologistUnqualifiedStreakSchema,
    'criterion-repeated-in-room': criterionRepeatedInRoomSchema,
    'unqualified-rate': unqualifiedRateSchema,
    'deviation-index-out-of-range': deviationIndexOutOfRangeSchema,
  }),
});

export type AlertRulesConfig = z.infer<typeof alertRulesConfigSchema>;
export type AlertRuleKind = keyof AlertRulesConfig['rules'];
export type TechnologistUnqualifiedStreakConfig =
  AlertRulesConfig['rules']['technologist-unqualified-streak'];
export type CriterionRepeatedInRoomConfig = AlertRulesConfig['rules']['criterion-repeated-in-room'];
export type UnqualifiedRateConfig = AlertRulesConfig['rules']['unqualified-rate'];
export type DeviationIndexOutOfRangeConfig = AlertRulesConfig['rules']['deviation-index-out-of-range'];

/** Evaluation order, which is also the order of the alerts one verdict raises. */
export const ALERT_RULE_KINDS: readonly AlertRuleKind[] = [
  'technologist-unqualified-streak',
  'criterion-repeated-in-room',
  'unqualified-rate',
  'deviation-index-out-of-range',
];

/** The issue's rules: 3 of 5, 3 in a row, TG-151's 10 % investigation level over 7 days, DI outside ±3. */
export const DEFAULT_ALERT_RULES: AlertRulesConfig = {
  version: '1.0.0',
  rules: {
    'technologist-unqualified-streak': { enabled: true, window: 5, minUnqualified: 3, cooldownMinutes: 240 },
    'criterion-repeated-in-room': { enabled: true, count: 3, cooldownMinutes: 240 },
    'unqualified-rate': {
      enabled: true,
      days: 7,
      threshold: 0.1,
      minExams: 20,
      subjects: ['station', 'technologist'],
      cooldownMinutes: 1440,
    },
    'deviation-index-out-of-range': {
      enabled: true,
      low: -3,
      high: 3,
      window: 5,
      minCount: 3,
      cooldownMinutes: 240,
    },
  },
};

/** Validates a configuration (from a file, the database or an admin form); throws INVALID_CONFIG naming each bad key. */
export function parseAlertRulesConfig(input: unknown): AlertRulesConfig {
  const result = alertRulesConfigSchema.safeParse(input);
  if (result.success) return result.data;
  throw new AlertRulesError('INVALID_CONFIG', result.error.issues.flatMap(describeIssue));
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  const path = issue.path.map(String);
  // An unknown key is reported on its parent; name the key itself, as a typo is the usual cause.
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => `${[...path, key].join('.')}: unknown key`);
  return [`${path.length ? path.join('.') : '(root)'}: ${issue.message}`];
}
