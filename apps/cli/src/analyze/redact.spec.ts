import { describe, expect, it } from 'vitest';
import { IdentityRedactor, REDACTED } from './redact.js';

describe('IdentityRedactor', () => {
  const redactor = new IdentityRedactor();
  redactor.learn('Doe^John^Q', 'MRN-004711');
  redactor.learn("O'Brien^Mary-Jane", '12');

  it('removes name words case-insensitively, as whole words only', () => {
    expect(redactor.redact('exports/DOE_JOHN_01.dcm')).toBe(`exports/${REDACTED}_${REDACTED}_01.dcm`);
    expect(redactor.redact('obrien/mary jane.png')).toBe(`obrien/${REDACTED} ${REDACTED}.png`);
    expect(redactor.redact('johnson/doe-re-mi.dcm')).toBe(`johnson/${REDACTED}-re-mi.dcm`);
  });

  it('removes long IDs wherever they occur and short ones only as whole words', () => {
    expect(redactor.redact('study_mrn-004711_ap.dcm')).toBe(`study_${REDACTED}_ap.dcm`);
    expect(redactor.redact('12/IM0120')).toBe(`${REDACTED}/IM0120`);
  });

  it('leaves text without identity alone, and one-letter name parts are not words to remove', () => {
    expect(redactor.redact('2026-08/lateral/q.dcm')).toBe('2026-08/lateral/q.dcm');
    expect(new IdentityRedactor().redact('Doe^John.dcm')).toBe('Doe^John.dcm');
  });
});
