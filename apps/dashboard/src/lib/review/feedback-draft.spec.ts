import { describe, expect, it } from 'vitest';
import { draftErrors, EMPTY_DRAFT, feedbackRequest } from './feedback-draft';

describe('draftErrors', () => {
  it('asks for a choice and a name', () => {
    expect(draftErrors(EMPTY_DRAFT)).toEqual({
      choice: 'Choose agree or disagree',
      author: 'Type your name',
    });
  });

  it('accepts a complete draft', () => {
    expect(
      draftErrors({ choice: 'disagree', criterion: 'exposure', reason: 'fine', author: 'Dr Who' }),
    ).toEqual({});
  });

  it('asks no name of a signed-in person (the API records their account)', () => {
    expect(draftErrors({ ...EMPTY_DRAFT, choice: 'agree' }, 'account')).toEqual({});
    expect(draftErrors(EMPTY_DRAFT, 'account')).toEqual({ choice: 'Choose agree or disagree' });
  });

  it('keeps to the API limits', () => {
    const errors = draftErrors({
      choice: 'agree',
      criterion: 'bogus',
      reason: 'x'.repeat(501),
      author: 'y'.repeat(65),
    });
    expect(Object.keys(errors).sort()).toEqual(['author', 'criterion', 'reason']);
  });
});

describe('feedbackRequest', () => {
  it('trims, drops an empty reason, and says it came from the review page', () => {
    expect(
      feedbackRequest({ choice: 'disagree', criterion: 'exposure', reason: '  ', author: ' Ana ' }),
    ).toEqual({
      agree: false,
      author: 'Ana',
      reason: null,
      criterion: 'exposure',
      source: 'review',
    });
    expect(feedbackRequest({ choice: 'agree', criterion: null, reason: ' ok ', author: 'B' })).toMatchObject({
      agree: true,
      reason: 'ok',
      criterion: null,
    });
  });

  it('leaves the name out for a signed-in person', () => {
    expect(
      feedbackRequest({ choice: 'agree', criterion: null, reason: '', author: 'typed anyway' }, 'account'),
    ).toEqual({ agree: true, reason: null, criterion: null, source: 'review' });
  });
});
