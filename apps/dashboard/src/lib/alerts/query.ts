// The alerts page's filters and the /api/alerts query they become.
import type { AlertSubjectKind } from './types';

export interface AlertFilters {
  /** '' = rooms and technologists. */
  subjectKind: AlertSubjectKind | '';
  /** '' = every rule. */
  ruleKind: string;
  /** '' = every subject; only sent with a subject kind (a name alone is ambiguous). */
  subject: string;
}

export const NO_ALERT_FILTERS: AlertFilters = { subjectKind: '', ruleKind: '', subject: '' };

export interface AlertsQuery {
  subjectKind?: AlertSubjectKind;
  subject?: string;
  ruleKind?: string;
  limit: number;
  cursor?: string;
}

export function alertsQuery(filters: AlertFilters, limit: number, cursor?: string): AlertsQuery {
  const subject = filters.subject.trim();
  return {
    subjectKind: filters.subjectKind || undefined,
    subject: filters.subjectKind && subject ? subject : undefined,
    ruleKind: filters.ruleKind || undefined,
    limit,
    cursor,
  };
}

export function hasAlertFilters(filters: AlertFilters): boolean {
  return alertsQuery(filters, 1).subjectKind !== undefined || filters.ruleKind !== '';
}
