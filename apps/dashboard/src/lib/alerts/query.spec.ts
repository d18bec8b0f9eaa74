import { describe, expect, it } from 'vitest';
import { NO_ALERT_FILTERS, alertsQuery, hasAlertFilters } from './query';

describe('alertsQuery', () => {
  it('asks for everything by default', () => {
    expect(alertsQuery(NO_ALERT_FILTERS, 20)).toEqual({
      subjectKind: undefined,
      subject: undefined,
      ruleKind: undefined,
      limit: 20,
      cursor: undefined,
    });
    expect(hasAlertFilters(NO_ALERT_FILTERS)).toBe(false);
  });
  it('sends a subject only together with its kind', () => {
    expect(alertsQuery({ ...NO_ALERT_FILTERS, subject: 'DR-ROOM-1' }, 20).subject).toBeUndefined();
    expect(alertsQuery({ subjectKind: 'station', subject: ' DR-ROOM-1 ', ruleKind: '' }, 20, 'c')).toEqual({
      subjectKind: 'station',
      subject: 'DR-ROOM-1',
      ruleKind: undefined,
      limit: 20,
      cursor: 'c',
    });
  });
  it('filters by rule', () => {
    const filters = { ...NO_ALERT_FILTERS, ruleKind: 'unqualified-rate' };
    expect(alertsQuery(filters, 20).ruleKind).toBe('unqualified-rate');
    expect(hasAlertFilters(filters)).toBe(true);
  });
});
