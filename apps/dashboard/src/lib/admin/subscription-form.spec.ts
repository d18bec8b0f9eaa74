import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, draftProblems, draftToInput, filtersSummary, hasProblems } from './subscription-form';

describe('draftProblems', () => {
  it('asks for a URL and an event', () => {
    const problems = draftProblems({ ...EMPTY_DRAFT, eventTypes: [] });
    expect(problems.url).toMatch(/Enter the URL/);
    expect(problems.eventTypes).toMatch(/at least one event/);
    expect(hasProblems(problems)).toBe(true);
  });
  it('wants an http(s) URL; the API decides whether it is allowed', () => {
    expect(draftProblems({ ...EMPTY_DRAFT, url: 'ftp://x' }).url).toMatch(/https:\/\//);
    expect(draftProblems({ ...EMPTY_DRAFT, url: 'http://127.0.0.1:9000/hook' }).url).toBeUndefined();
    expect(hasProblems(draftProblems({ ...EMPTY_DRAFT, url: ' https://example.org/hook ' }))).toBe(false);
  });
});

describe('draftToInput', () => {
  it('trims and leaves empty filters out', () => {
    expect(draftToInput({ ...EMPTY_DRAFT, url: ' https://example.org/hook ', station: '  ' })).toEqual({
      url: 'https://example.org/hook',
      eventTypes: ['alert.raised'],
    });
  });
  it('keeps the filters and description that are set', () => {
    expect(
      draftToInput({
        url: 'https://example.org/hook',
        eventTypes: ['exam.judged', 'alert.raised'],
        station: 'DR-ROOM-1',
        technologist: ' Okafor^Ada ',
        view: 'ap',
        description: 'PACS bridge',
      }),
    ).toEqual({
      url: 'https://example.org/hook',
      eventTypes: ['exam.judged', 'alert.raised'],
      station: 'DR-ROOM-1',
      technologist: 'Okafor^Ada',
      view: 'ap',
      description: 'PACS bridge',
    });
  });
});

describe('filtersSummary', () => {
  it('names each filter, or says everything', () => {
    expect(filtersSummary({ station: null, technologist: null, view: null })).toBe('Everything');
    expect(filtersSummary({ station: 'DR-ROOM-1', technologist: 'Lee', view: 'lateral' })).toBe(
      'Room DR-ROOM-1 · Technologist Lee · Lateral',
    );
  });
});
