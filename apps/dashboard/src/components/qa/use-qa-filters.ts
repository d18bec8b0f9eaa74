'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { utcDay } from '@/lib/qa/dates';
import { filtersToSearch, parseFilters, type QaFilters } from '@/lib/qa/filters';

/**
 * The filters live in the URL: a link can be shared, and each change is a history entry the back button undoes.
 * Must render inside <Suspense> (useSearchParams).
 */
export function useQaFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // The API counts days in UTC, so "today" is the UTC day. Fixed at mount: the default range does not slide.
  const [today] = useState(() => utcDay(new Date()));
  const filters = useMemo(() => parseFilters(params, today), [params, today]);

  const setFilters = useCallback(
    (patch: Partial<QaFilters>) => {
      const search = filtersToSearch({ ...filters, ...patch });
      router.push(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [filters, pathname, router],
  );
  const resetFilters = useCallback(() => router.push(pathname, { scroll: false }), [pathname, router]);

  return { filters, setFilters, resetFilters };
}
