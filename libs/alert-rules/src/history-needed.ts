import type { AlertRulesConfig } from './config.js';

export interface HistoryNeeded {
  /** Load at least this many of the technologist's most recent exams (0: no count-based rule looks at them). */
  perTechnologist: number;
  /** Load at least this many of the station's most recent exams (0: no count-based rule looks at them). */
  perStation: number;
  /**
   * The unqualified-rate period in days (0: rule disabled). Its exams need not be loaded: pass the rule
   * `periodCounts` aggregated over it (see `periodCountsNeeded`); only without them does it count `history`.
   */
  days: number;
}

/**
 * How much history `evaluateAlerts` needs for one verdict. Windows count only the exams a rule can use (an
 * assessable exam, a known DI, a view with the criterion), so a caller that loads a margin more loses nothing;
 * a run of criterion failures longer than `perStation` is reported as long as the loaded history shows it.
 */
export function historyNeeded(config: AlertRulesConfig): HistoryNeeded {
  const { rules } = config;
  const streak = rules['technologist-unqualified-streak'];
  const criterion = rules['criterion-repeated-in-room'];
  const rate = rules['unqualified-rate'];
  const deviation = rules['deviation-index-out-of-range'];
  return {
    perTechnologist: streak.enabled ? streak.window : 0,
    perStation: Math.max(criterion.enabled ? criterion.count : 0, deviation.enabled ? deviation.window : 0),
    days: rate.enabled ? rate.days : 0,
  };
}
