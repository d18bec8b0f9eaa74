import type { AlertRuleKind, AlertSubjectKind } from './config.js';
import type { RecentAlert } from './types.js';

const MINUTE_MS = 60_000;

/**
 * True while an alert for the same rule and subject is younger than the cool-down: the problem was already
 * reported. An alert stamped in the future (clock skew) also counts as recent.
 */
export function isCoolingDown(
  recentAlerts: readonly RecentAlert[],
  key: { ruleKind: AlertRuleKind; subjectKind: AlertSubjectKind; subject: string },
  cooldownMinutes: number,
  now: Date,
): boolean {
  const cooldownMs = cooldownMinutes * MINUTE_MS;
  return recentAlerts.some(
    (alert) =>
      alert.ruleKind === key.ruleKind &&
      alert.subjectKind === key.subjectKind &&
      alert.subject === key.subject &&
      now.getTime() - alert.raisedAt.getTime() < cooldownMs,
  );
}
