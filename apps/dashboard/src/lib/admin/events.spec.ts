import { describe, expect, it } from 'vitest';
import { eventLabel } from './events';

describe('eventLabel', () => {
  it('names the two events and keeps an unknown id', () => {
    expect(eventLabel('exam.judged')).toBe('Exam judged');
    expect(eventLabel('alert.raised')).toBe('Alert raised');
    expect(eventLabel('exam.deleted')).toBe('exam.deleted');
  });
});
