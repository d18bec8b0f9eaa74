import {
  ALERT_RULE_KINDS,
  parseAlertRulesConfig,
  type AlertRuleKind,
  type AlertRulesConfig,
} from './config.js';
import { isCoolingDown } from './cooldown.js';
import { mergeHistory } from './history.js';
import { criterionRepeatedInRoom } from './rules/criterion-repeated-in-room.js';
import { deviationIndexOutOfRange } from './rules/deviation-index-out-of-range.js';
import type { RuleContext } from './rules/rule-context.js';
import { technologistUnqualifiedStreak } from './rules/technologist-unqualified-streak.js';
import { unqualifiedRate } from './rules/unqualified-rate.js';
import type { AlertFinding, EvaluateAlertsInput, NewAlert } from './types.js';
import { validateInput } from './validate-input.js';

const RULES: {
  [K in AlertRuleKind]: (context: RuleContext, rule: AlertRulesConfig['rules'][K]) => AlertFinding[];
} = {
  'technologist-unqualified-streak': technologistUnqualifiedStreak,
  'criterion-repeated-in-room': criterionRepeatedInRoom,
  'unqualified-rate': unqualifiedRate,
  'deviation-index-out-of-range': deviationIndexOutOfRange,
};

/**
 * The alerts a new verdict raises, given the recent history (and the rate rule's period counts, when the caller
 * aggregates them) and the alerts already raised. Pure: same input,
 * same alerts, whatever the order of `history`. At most one alert per (rule, subject kind, subject), none
 * while that key is cooling down.
 */
export function evaluateAlerts(input: EvaluateAlertsInput): NewAlert[] {
  // Re-validated here because configurations arrive from storage as plain JSON; it is a small object.
  const config = parseAlertRulesConfig(input.config);
  validateInput(input, config);
  const context: RuleContext = {
    exam: input.exam,
    exams: mergeHistory(input.exam, input.history),
    periodCounts: input.periodCounts ?? {},
    now: input.now,
  };
  const alerts: NewAlert[] = [];
  for (const ruleKind of ALERT_RULE_KINDS) alerts.push(...evaluateRule(ruleKind, config, context, input));
  return alerts;
}

function evaluateRule<K extends AlertRuleKind>(
  ruleKind: K,
  config: AlertRulesConfig,
  context: RuleContext,
  input: EvaluateAlertsInput,
): NewAlert[] {
  const rule = config.rules[ruleKind];
  if (!rule.enabled) return [];
  const seen = new Set<string>();
  const alerts: NewAlert[] = [];
  for (const finding of RULES[ruleKind](context, rule)) {
    const key = `${finding.subjectKind}\u0000${finding.subject}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (isCoolingDown(input.recentAlerts, { ruleKind, ...finding }, rule.cooldownMinutes, input.now))
      continue;
    alerts.push({ ruleKind, ruleVersion: config.version, ...finding });
  }
  return alerts;
}
