import { DEFAULT_ALERT_RULES, type AlertRuleKind, type AlertRulesConfig } from '../config.js';
import { evaluateAlerts } from '../evaluate.js';
import type { AlertExam, NewAlert, RecentAlert } from '../types.js';

/** The fixed "now" of the specs (fake clock). */
export const NOW = new Date('2025-03-10T12:00:00.000Z');
const MINUTE_MS = 60_000;

export function minutesBefore(minutes: number, now: Date = NOW): Date {
  return new Date(now.getTime() - minutes * MINUTE_MS);
}

/** A qualified AP exam in DR-ROOM-1 by Larsen with DI 0, unless `fields` say otherwise. */
export function makeExam(examId: string, minutesAgo: number, fields: Partial<AlertExam> = {}): AlertExam {
  return {
    examId,
    station: 'DR-ROOM-1',
    technologist: 'Larsen',
    view: 'ap',
    receivedAt: minutesBefore(minutesAgo),
    assessable: true,
    qualified: true,
    failedCriteria: [],
    deviationIndex: 0,
    ...fields,
  };
}

export const QUALIFIED: Partial<AlertExam> = {};
export const UNQUALIFIED: Partial<AlertExam> = { qualified: false, failedCriteria: ['pelvis-in-field'] };
export const NOT_ASSESSABLE: Partial<AlertExam> = { assessable: false, qualified: null };

/** Exams e1…eN, oldest first, 10 minutes apart, the last one received `lastMinutesAgo` before NOW. */
export function series(outcomes: readonly Partial<AlertExam>[], lastMinutesAgo = 0): AlertExam[] {
  return outcomes.map((fields, i) =>
    makeExam(`e${i + 1}`, lastMinutesAgo + (outcomes.length - 1 - i) * 10, fields),
  );
}

/** The defaults with only `kinds` enabled. */
export function onlyRules(...kinds: AlertRuleKind[]): AlertRulesConfig {
  const rules = structuredClone(DEFAULT_ALERT_RULES.rules);
  for (const kind of Object.keys(rules) as AlertRuleKind[]) rules[kind].enabled = kinds.includes(kind);
  return { ...DEFAULT_ALERT_RULES, rules };
}

/** Evaluates the last exam of `exams` as the new verdict, with all of them as history. */
export function evaluateLast(
  exams: readonly AlertExam[],
  config: AlertRulesConfig,
  options: { recentAlerts?: RecentAlert[]; now?: Date } = {},
): NewAlert[] {
  return evaluateAlerts({
    config,
    exam: exams[exams.length - 1],
    history: exams,
    recentAlerts: options.recentAlerts ?? [],
    now: options.now ?? NOW,
  });
}
