import { describe, expect, it } from 'vitest';
import { ALERT_RULES, ALERT_RULE_KINDS, isKnownRule, ruleLabel } from './rules';

describe('rules', () => {
  it('names and explains every rule', () => {
    for (const kind of ALERT_RULE_KINDS) {
      expect(ALERT_RULES[kind].label).not.toBe('');
      expect(ALERT_RULES[kind].explanation).not.toBe('');
    }
  });
  it('keeps the id of a rule it does not know', () => {
    expect(isKnownRule('unqualified-rate')).toBe(true);
    expect(isKnownRule('new-rule')).toBe(false);
    expect(ruleLabel('new-rule')).toBe('new-rule');
    expect(ruleLabel('unqualified-rate')).toBe('Unqualified rate above 10 %');
  });
});
