import type { AlertRulesConfig } from './config.js';
import { AlertRulesError } from './errors.js';
import type { AlertExam, EvaluateAlertsInput } from './types.js';
import { checkPeriodCounts } from './validate-period-counts.js';

/** Dates and numbers the rules compare must be real ones, or a NaN would silently hide an alert. */
export function validateInput(input: EvaluateAlertsInput, config: AlertRulesConfig): void {
  const problems: string[] = [];
  if (!isValidDate(input.now)) problems.push('now: not a valid date');
  checkExam(input.exam, 'exam', problems);
  input.history.forEach((exam, i) => checkExam(exam, `history[${i}]`, problems));
  if (problems.length === 0) checkPeriodCounts(input, config, problems);
  input.recentAlerts.forEach((alert, i) => {
    if (!isValidDate(alert.raisedAt)) problems.push(`recentAlerts[${i}].raisedAt: not a valid date`);
  });
  if (problems.length) throw new AlertRulesError('INVALID_INPUT', problems);
}

function checkExam(exam: AlertExam, where: string, problems: string[]): void {
  if (!exam.examId) problems.push(`${where}.examId: empty`);
  if (!isValidDate(exam.receivedAt)) problems.push(`${where}.receivedAt: not a valid date`);
  if (exam.deviationIndex !== null && !Number.isFinite(exam.deviationIndex))
    problems.push(`${where}.deviationIndex: not a finite number`);
}

function isValidDate(value: Date): boolean {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
