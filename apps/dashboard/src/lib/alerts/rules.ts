// The alert rules as the desk names and explains them (the rules themselves live in libs/alert-rules).

export const ALERT_RULE_KINDS = [
  'technologist-unqualified-streak',
  'criterion-repeated-in-room',
  'unqualified-rate',
  'deviation-index-out-of-range',
] as const;
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number];

interface RuleText {
  label: string;
  /** What the rule watches, with the default thresholds (a site may configure others). */
  explanation: string;
}

export const ALERT_RULES: Record<AlertRuleKind, RuleText> = {
  'technologist-unqualified-streak': {
    label: 'Unqualified streak (technologist)',
    explanation: 'A technologist has 3 or more unqualified films among their last 5 assessable exams.',
  },
  'criterion-repeated-in-room': {
    label: 'Repeated criterion (room)',
    explanation: 'The same quality criterion fails 3 times in a row in one room.',
  },
  'unqualified-rate': {
    label: 'Unqualified rate above 10 %',
    explanation:
      "A room's or technologist's unqualified rate over the last 7 days exceeds the AAPM TG-151 " +
      'investigation level of 10 % (counted once there are at least 20 assessable exams).',
  },
  'deviation-index-out-of-range': {
    label: 'Deviation Index out of range',
    explanation: 'The exposure Deviation Index falls outside −3 … +3 in 3 of the last 5 exams of a room.',
  },
};

export function isKnownRule(kind: string): kind is AlertRuleKind {
  return (ALERT_RULE_KINDS as readonly string[]).includes(kind);
}

/** The desk's name for a rule; a rule this page does not know (a newer server) keeps its id. */
export function ruleLabel(kind: string): string {
  return isKnownRule(kind) ? ALERT_RULES[kind].label : kind;
}
