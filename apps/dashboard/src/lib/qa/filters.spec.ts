import { describe, expect, it } from 'vitest';
import {
  agreementQuery,
  defaultFilters,
  examsQuery,
  filtersToSearch,
  optionsQuery,
  parseFilters,
  statsQuery,
} from './filters';

const TODAY = '2026-11-27';
const parse = (search: string) => parseFilters(new URLSearchParams(search), TODAY);

describe('QA filters', () => {
  it('defaults to the last 30 days, every room, per day', () => {
    expect(parse('')).toEqual({
      from: '2026-10-29',
      to: '2026-11-27',
      station: '',
      technologist: '',
      view: '',
      criterion: '',
      period: 'day',
      qualified: '',
    });
  });

  it('reads every filter from the query string', () => {
    expect(
      parse(
        'from=2026-11-01&to=2026-11-15&station=DR-ROOM-1&technologist=Okafor%5EAda&view=ap' +
          '&criterion=scottie-dog&period=week&qualified=false',
      ),
    ).toEqual({
      from: '2026-11-01',
      to: '2026-11-15',
      station: 'DR-ROOM-1',
      technologist: 'Okafor^Ada',
      view: 'ap',
      criterion: 'scottie-dog',
      period: 'week',
      qualified: 'false',
    });
  });

  it('drops malformed values and swaps a reversed range', () => {
    const filters = parse('from=2026-13-01&to=yesterday&view=pa&criterion=nope&period=month&qualified=maybe');
    expect(filters).toEqual(defaultFilters(TODAY));
    expect(parse('from=2026-11-20&to=2026-11-10')).toMatchObject({ from: '2026-11-10', to: '2026-11-20' });
  });

  it('round-trips through the query string, leaving out what is unset', () => {
    const filters = { ...defaultFilters(TODAY), station: 'DR-ROOM-2', technologist: 'Chen^Wei' };
    const search = filtersToSearch(filters);
    expect(search).toBe('from=2026-10-29&to=2026-11-27&station=DR-ROOM-2&technologist=Chen%5EWei');
    expect(parse(search)).toEqual(filters);
    expect(filtersToSearch({ ...filters, period: 'week' })).toContain('period=week');
  });

  it('turns the inclusive last day into the exclusive bound the API expects', () => {
    const filters = { ...defaultFilters(TODAY), view: 'lateral' as const, criterion: 'exposure' as const };
    expect(statsQuery(filters, 'station')).toEqual({
      from: '2026-10-29',
      to: '2026-11-28',
      period: 'day',
      groupBy: 'station',
      station: undefined,
      technologist: undefined,
      view: 'lateral',
    });
    expect(optionsQuery({ ...filters, station: 'DR-ROOM-1' }, 'technologist')).toEqual({
      from: '2026-10-29',
      to: '2026-11-28',
      period: 'day',
      groupBy: 'technologist',
    });
    expect(agreementQuery({ ...filters, station: 'DR-ROOM-1' })).toEqual({
      from: '2026-10-29',
      to: '2026-11-28',
      station: 'DR-ROOM-1',
      technologist: undefined,
      view: 'lateral',
    });
  });

  it('gives the exam list the criterion and the verdict too', () => {
    const filters = { ...defaultFilters(TODAY), criterion: 'exposure' as const, qualified: 'false' as const };
    expect(examsQuery(filters)).toMatchObject({ criterion: 'exposure', qualified: false, to: '2026-11-28' });
    expect(examsQuery({ ...filters, qualified: 'true' }).qualified).toBe(true);
    expect(examsQuery({ ...filters, qualified: '' }).qualified).toBeUndefined();
  });
});
