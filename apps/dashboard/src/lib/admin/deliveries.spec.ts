import { describe, expect, it } from 'vitest';
import {
  attemptsText,
  canRedeliver,
  deliveriesQuery,
  durationText,
  lastOutcome,
  nextAttemptIso,
  outcomeText,
} from './deliveries';
import type { DeliveryAttemptDto } from './types';

const attempt = (ok: boolean): DeliveryAttemptDto => ({
  id: 'a',
  attemptedAt: '2026-03-01T10:00:00.000Z',
  ok,
  status: ok ? 204 : 500,
  error: ok ? null : 'Internal Server Error',
  durationMs: 12,
});

describe('deliveriesQuery', () => {
  it('leaves out "any" filters', () => {
    expect(deliveriesQuery({ status: '', subscriptionId: '' }, 50)).toEqual({
      status: undefined,
      subscriptionId: undefined,
      limit: 50,
      cursor: undefined,
    });
  });
  it('passes the status, subscription and cursor', () => {
    expect(deliveriesQuery({ status: 'dead', subscriptionId: 's1' }, 20, 'c')).toEqual({
      status: 'dead',
      subscriptionId: 's1',
      limit: 20,
      cursor: 'c',
    });
  });
});

describe('canRedeliver', () => {
  it('allows finished deliveries only', () => {
    expect(canRedeliver('delivered')).toBe(true);
    expect(canRedeliver('dead')).toBe(true);
    expect(canRedeliver('pending')).toBe(false);
  });
});

describe('outcomeText', () => {
  it('writes the status, the error, both, or a dash', () => {
    expect(outcomeText({ status: 204, error: null })).toBe('HTTP 204');
    expect(outcomeText({ status: 500, error: 'boom' })).toBe('HTTP 500: boom');
    expect(outcomeText({ status: null, error: 'connect ECONNREFUSED' })).toBe('connect ECONNREFUSED');
    expect(outcomeText({ status: null, error: null })).toBe('—');
    expect(lastOutcome({ lastStatus: 410, lastError: null })).toBe('HTTP 410');
  });
});

describe('nextAttemptIso', () => {
  it('is only set while pending', () => {
    const at = '2026-03-01T10:00:00.000Z';
    expect(nextAttemptIso({ status: 'pending', nextAttemptAt: at })).toBe(at);
    expect(nextAttemptIso({ status: 'dead', nextAttemptAt: at })).toBeNull();
    expect(nextAttemptIso({ status: 'delivered', nextAttemptAt: at })).toBeNull();
  });
});

describe('attemptsText', () => {
  it('counts attempts, and all of them after a redelivery restarted the count', () => {
    expect(attemptsText({ attempts: 1, attemptLog: [attempt(true)] })).toBe('1 attempt');
    expect(attemptsText({ attempts: 0, attemptLog: [] })).toBe('0 attempts');
    expect(attemptsText({ attempts: 1, attemptLog: [attempt(false), attempt(false), attempt(true)] })).toBe(
      '1 attempt (3 in all)',
    );
  });
});

describe('durationText', () => {
  it('uses ms below a second, seconds above', () => {
    expect(durationText({ durationMs: 12.4 })).toBe('12 ms');
    expect(durationText({ durationMs: 10_000 })).toBe('10.0 s');
  });
});
