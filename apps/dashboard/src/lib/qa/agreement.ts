// The agreement table: how often reviewers agreed with the verdicts, per criterion.
import type { AgreementRowJson } from '@spineqc/contracts';
import { CRITERION_IDS } from '@spineqc/qc-standard';

export interface AgreementLine extends AgreementRowJson {
  label: string;
}

/** Rows in the standard's criterion order; the qualified verdicts ('') last; unknown ids after the known ones. */
export function agreementTable(
  rows: readonly AgreementRowJson[],
  labelOf: (criterion: string) => string,
): AgreementLine[] {
  const order = (key: string) => {
    if (key === '') return CRITERION_IDS.length + 1;
    const index = (CRITERION_IDS as readonly string[]).indexOf(key);
    return index === -1 ? CRITERION_IDS.length : index;
  };
  return rows
    .map((row) => ({ ...row, label: row.key === '' ? 'Qualified verdicts' : labelOf(row.key) }))
    .sort((a, b) => order(a.key) - order(b.key) || a.key.localeCompare(b.key));
}
