import { ALERT_SUBJECT_KINDS, WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from '@spineqc/contracts';
import { describe, expect, it } from 'vitest';
import { ALERT_SUBJECT_KINDS as PAGE_SUBJECT_KINDS } from '@/lib/alerts/types';
import { DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES as PAGE_EVENT_TYPES } from './types';

describe('the values the pages restate', () => {
  it('are the contracts’ own', () => {
    expect(PAGE_EVENT_TYPES).toEqual(WEBHOOK_EVENT_TYPES);
    expect(DELIVERY_STATUSES).toEqual(WEBHOOK_DELIVERY_STATUSES);
    expect(PAGE_SUBJECT_KINDS).toEqual(ALERT_SUBJECT_KINDS);
  });
});
