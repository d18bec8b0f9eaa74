import { describe, expect, it } from 'vitest';
import { feedbackRequestSchema } from './index.js';

describe('feedback request', () => {
  it('defaults the source to the review page and trims what people typed', () => {
    expect(feedbackRequestSchema.parse({ agree: true, author: '  Dr. Okafor ' })).toEqual({
      agree: true,
      author: 'Dr. Okafor',
      source: 'review',
    });
    expect(
      feedbackRequestSchema.parse({
        agree: false,
        author: 'Ann',
        reason: ' too dark ',
        criterion: 'exposure',
        source: 'tablet',
      }),
    ).toEqual({ agree: false, author: 'Ann', reason: 'too dark', criterion: 'exposure', source: 'tablet' });
  });

  it('names the bad field', () => {
    const fields = (body: unknown) =>
      feedbackRequestSchema.safeParse(body).error?.issues.map((issue) => issue.path.join('.'));
    expect(fields({ author: 'Ann' })).toEqual(['agree']);
    expect(fields({ agree: 'yes', author: 'Ann' })).toEqual(['agree']);
    expect(fields({ agree: true, author: '  ' })).toEqual(['author']);
    expect(fields({ agree: true, author: 'x'.repeat(65) })).toEqual(['author']);
    expect(fields({ agree: false, author: 'Ann', reason: 'x'.repeat(501) })).toEqual(['reason']);
    expect(fields({ agree: false, author: 'Ann', criterion: 'tilt' })).toEqual(['criterion']);
    expect(fields({ agree: false, author: 'Ann', source: 'pacs' })).toEqual(['source']);
  });
});
