import type { AgreementRowJson } from '@spineqc/contracts';
import { describe, expect, it } from 'vitest';
import { agreementTable } from './agreement';

const line = (key: AgreementRowJson['key'], agree: number, disagree: number): AgreementRowJson => ({
  key,
  feedback: agree + disagree,
  agree,
  disagree,
  agreementRate: agree + disagree === 0 ? null : agree / (agree + disagree),
});

describe('agreement table', () => {
  it('orders criteria as the standard does and puts qualified verdicts last', () => {
    const table = agreementTable(
      [line('', 4, 1), line('exposure', 1, 1), line('vertebrae-in-field', 3, 0)],
      (k) => k.toUpperCase(),
    );
    expect(table.map((r) => [r.key, r.label, r.agreementRate])).toEqual([
      ['vertebrae-in-field', 'VERTEBRAE-IN-FIELD', 1],
      ['exposure', 'EXPOSURE', 0.5],
      ['', 'Qualified verdicts', 0.8],
    ]);
  });
});
