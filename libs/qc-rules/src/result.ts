import { CRITERIA, type CriterionId, type CriterionResult, type QcThresholds } from '@spineqc/qc-standard';

export interface Outcome {
  passed: boolean | null;
  value: number | null;
  message: string;
  /** Dropped unless the criterion failed. */
  correction?: string;
}

/** A criterion result with its label, unit and range filled in from the standard. */
export function criterionResult(
  id: CriterionId,
  thresholds: QcThresholds,
  outcome: Outcome,
): CriterionResult {
  const result: CriterionResult = {
    id,
    label: CRITERIA[id].label,
    passed: outcome.passed,
    value: outcome.value,
    range: thresholds.ranges[id],
    unit: CRITERIA[id].unit,
    message: outcome.message,
  };
  if (outcome.passed === false && outcome.correction) result.correction = outcome.correction;
  return result;
}
