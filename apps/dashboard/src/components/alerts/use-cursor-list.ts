'use client';
import { useCallback, useEffect, useState } from 'react';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

interface ListState<T> {
  key: string;
  items: T[];
  nextCursor: string | null;
  error?: Error;
  moreError?: Error;
  loadingMore: boolean;
}

export interface CursorList<T> {
  items: T[];
  nextCursor: string | null;
  /** The first page for this key has not arrived yet. */
  loading: boolean;
  error: Error | undefined;
  moreError: Error | undefined;
  loadingMore: boolean;
  /** Whether pages beyond the first are shown (a quiet reload would drop them). */
  extended: boolean;
  loadMore: () => void;
  /** Loads the first page again, keeping the current items on screen until it arrives. */
  reload: () => void;
  /** Changes items in place, e.g. with the API's answer to an edit. */
  update: (change: (items: T[]) => T[]) => void;
}

const toError = (caught: unknown) => (caught instanceof Error ? caught : new Error(String(caught)));

/**
 * A keyset-paginated list: the first page whenever `key` changes (the key names every filter), "load more" by
 * cursor. Answers to an older key are dropped, so a slow request never shows the wrong filter's items.
 */
export function useCursorList<T>(
  key: string,
  fetchPage: (cursor: string | undefined, signal?: AbortSignal) => Promise<CursorPage<T>>,
): CursorList<T> {
  const [state, setState] = useState<ListState<T> | null>(null);
  const [reloads, setReloads] = useState(0);
  const [pages, setPages] = useState(1);

  useEffect(() => {
    const controller = new AbortController();
    fetchPage(undefined, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setPages(1);
        setState({ key, items: page.items, nextCursor: page.nextCursor, loadingMore: false });
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setState((current) =>
          current?.key === key
            ? { ...current, error: toError(caught) }
            : { key, items: [], nextCursor: null, loadingMore: false, error: toError(caught) },
        );
      },
    );
    return () => controller.abort();
    // `fetchPage` is a new closure each render; `key` names what it fetches.
  }, [key, reloads]);

  const current = state?.key === key ? state : undefined;

  const loadMore = useCallback(() => {
    const cursor = current?.nextCursor;
    if (!cursor || current.loadingMore) return;
    setState((s) => (s?.key === key ? { ...s, loadingMore: true, moreError: undefined } : s));
    fetchPage(cursor).then(
      (page) => {
        setPages((n) => n + 1);
        setState((s) =>
          s?.key === key
            ? { ...s, items: [...s.items, ...page.items], nextCursor: page.nextCursor, loadingMore: false }
            : s,
        );
      },
      (caught: unknown) =>
        setState((s) => (s?.key === key ? { ...s, loadingMore: false, moreError: toError(caught) } : s)),
    );
  }, [current, key, fetchPage]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const update = useCallback(
    (change: (items: T[]) => T[]) => setState((s) => (s?.key === key ? { ...s, items: change(s.items) } : s)),
    [key],
  );

  return {
    items: current?.items ?? [],
    nextCursor: current?.nextCursor ?? null,
    loading: current === undefined,
    error: current?.error,
    moreError: current?.moreError,
    loadingMore: current?.loadingMore ?? false,
    extended: pages > 1,
    loadMore,
    reload,
    update,
  };
}
