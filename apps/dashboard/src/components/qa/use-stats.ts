'use client';
import { getStats, type StatsFilter } from '@/lib/api-client';
import type { StatsRowDto } from '@/lib/qa/stats-totals';
import { useApiData } from './use-api-data';

/** `/api/stats` rows for a query; `refresh` changes to load them again. */
export function useStats(query: StatsFilter, refresh: number) {
  return useApiData<StatsRowDto[]>(JSON.stringify([query, refresh]), async (signal) => {
    const response = await getStats(query, { signal });
    return response.rows;
  });
}
