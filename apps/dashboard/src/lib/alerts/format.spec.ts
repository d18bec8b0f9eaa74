import { describe, expect, it } from 'vitest';
import { examLink, qaLinkForSubject, shortExamId, subjectKindLabel, timeAgo } from './format';

describe('qaLinkForSubject', () => {
  it('filters the QA page by the room or the technologist', () => {
    expect(qaLinkForSubject('station', 'DR-ROOM-1')).toBe('/qa?station=DR-ROOM-1');
    expect(qaLinkForSubject('technologist', 'Okafor^Ada')).toBe('/qa?technologist=Okafor%5EAda');
  });
});

describe('exam links', () => {
  it('links to the review page and shortens the id', () => {
    expect(examLink('a b')).toBe('/exams/a%20b');
    expect(shortExamId('0f8e2b7c-1111-2222-3333-444455556666')).toBe('0f8e2b7c');
    expect(shortExamId('abc')).toBe('abc');
  });
});

describe('subjectKindLabel', () => {
  it('calls a station a room', () => {
    expect(subjectKindLabel('station')).toBe('Room');
    expect(subjectKindLabel('technologist')).toBe('Technologist');
  });
});

describe('timeAgo', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');
  it('reads minutes, hours and days', () => {
    expect(timeAgo('2026-03-01T11:59:30.000Z', now)).toBe('just now');
    expect(timeAgo('2026-03-01T11:56:00.000Z', now)).toBe('4 min ago');
    expect(timeAgo('2026-03-01T09:00:00.000Z', now)).toBe('3 h ago');
    expect(timeAgo('2026-02-26T12:00:00.000Z', now)).toBe('3 days ago');
  });
  it('treats the future as now and a bad date as nothing', () => {
    expect(timeAgo('2026-03-01T12:05:00.000Z', now)).toBe('just now');
    expect(timeAgo('not a date', now)).toBe('');
  });
});
