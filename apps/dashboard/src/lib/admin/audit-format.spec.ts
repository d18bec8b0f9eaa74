import { describe, expect, it } from 'vitest';
import { auditDetailText, auditTargetExamId } from './audit-format';

describe('auditDetailText', () => {
  it('writes each key and value, leaving empty ones out', () => {
    expect(auditDetailText({ role: 'device', station: 'DR-ROOM-1', note: null })).toBe(
      'role: device · station: DR-ROOM-1',
    );
    expect(auditDetailText({ disabled: true, eventTypes: ['alert.raised', 'exam.judged'] })).toBe(
      'disabled: true · eventTypes: alert.raised, exam.judged',
    );
    expect(auditDetailText({ nested: { a: 1 } })).toBe('nested: {"a":1}');
  });

  it('is empty when there is nothing to say', () => {
    expect(auditDetailText({})).toBe('');
    expect(auditDetailText(null)).toBe('');
  });
});

describe('auditTargetExamId', () => {
  it('finds the exam a target names', () => {
    expect(auditTargetExamId('exam cf76bab2-93eb-4106-835e-bc443600a06e')).toBe(
      'cf76bab2-93eb-4106-835e-bc443600a06e',
    );
    expect(auditTargetExamId('account tech.lee')).toBeNull();
    expect(auditTargetExamId('exam not-an-id')).toBeNull();
    expect(auditTargetExamId(null)).toBeNull();
  });
});
