export {
  ALERT_RULE_KINDS,
  ALERT_SUBJECT_KINDS,
  alertRulesConfigSchema,
  DEFAULT_ALERT_RULES,
  parseAlertRulesConfig,
  type AlertRuleKind,
  type AlertRulesConfig,
  type AlertSubjectKind,
  type CriterionRepeatedInRoomConfig,
  type DeviationIndexOutOfRangeConfig,
  type TechnologistUnqualifiedStreakConfig,
  type UnqualifiedRateConfig,
} from './config.js';
export { AlertRulesError, type AlertRulesErrorCode } from './errors.js';
export { evaluateAlerts } from './evaluate.js';
export { historyNeeded, type HistoryNeeded } from './history-needed.js';
export { countPeriods, periodCountsNeeded, type PeriodCountsRequest } from './period-counts.js';
export type {
  AlertExam,
  AlertFinding,
  EvaluateAlertsInput,
  NewAlert,
  PeriodCounts,
  PeriodCountsBySubject,
  RecentAlert,
} from './types.js';
