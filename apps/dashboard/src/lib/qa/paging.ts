// Walking a keyset-paginated list (`/api/exams`) to its end, for the CSV export.

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every item of every page, in order. `maxItems` bounds the walk so a runaway export stops with an error instead
 * of filling the browser's memory; `onProgress` reports the count so far.
 */
export async function fetchAllPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  { maxItems = 100_000, onProgress }: { maxItems?: number; onProgress?: (count: number) => void } = {},
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    onProgress?.(items.length);
    if (items.length > maxItems) throw new Error(`more than ${maxItems} exams: narrow the filters`);
    if (page.nextCursor !== null && page.nextCursor === cursor)
      throw new Error('the API repeated a page cursor');
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}
