import { describe, expect, it } from 'vitest';
import { fetchAllPages, type Page } from './paging';

const pages: Record<string, Page<number>> = {
  start: { items: [1, 2], nextCursor: 'b' },
  b: { items: [3, 4], nextCursor: 'c' },
  c: { items: [5], nextCursor: null },
};

describe('fetchAllPages', () => {
  it('follows nextCursor to the last page', async () => {
    const cursors: (string | undefined)[] = [];
    const progress: number[] = [];
    const items = await fetchAllPages(
      async (cursor) => {
        cursors.push(cursor);
        return pages[cursor ?? 'start'];
      },
      { onProgress: (n) => progress.push(n) },
    );
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(cursors).toEqual([undefined, 'b', 'c']);
    expect(progress).toEqual([2, 4, 5]);
  });

  it('stops with an error past the limit, and on a repeated cursor', async () => {
    await expect(fetchAllPages(async (c) => pages[c ?? 'start'], { maxItems: 3 })).rejects.toThrow(
      /more than 3/,
    );
    await expect(fetchAllPages(async () => ({ items: [1], nextCursor: 'same' }))).rejects.toThrow(/repeated/);
  });

  it('passes the API error on', async () => {
    await expect(
      fetchAllPages(async () => {
        throw new Error('database down');
      }),
    ).rejects.toThrow('database down');
  });
});
