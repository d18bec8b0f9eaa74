import { readFileSync } from 'node:fs';
import { DEFAULT_ALERT_RULES, parseAlertRulesConfig, type AlertRulesConfig } from '@spineqc/alert-rules';

/** The alert rules in force: the configured JSON file (validated, every bad key named) or the built-in ones. */
export function loadAlertRules(file: string | null): AlertRulesConfig {
  if (!file) return DEFAULT_ALERT_RULES;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`SPINEQC_ALERT_RULES_FILE: cannot read ${file}: ${(error as Error).message}`);
  }
  return parseAlertRulesConfig(raw);
}
