'use client';
import { useCallback, useEffect, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again, keeping the current data on screen until the answer comes. */
  reload: () => void;
}

/**
 * Runs `load` when `key` changes (and on reload), aborting the previous run, so a slow answer for an old key
 * never overwrites a newer one. Errors are kept for the caller to show, never swallowed.
 */
export function useAsync<T>(key: string, load: (signal: AbortSignal) => Promise<T>): AsyncState<T> {
  const [state, setState] = useState<{ key: string; data?: T; error?: unknown; loading: boolean }>({
    key,
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, key, loading: true }));
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ key, data, error: undefined, loading: false }),
      (error: unknown) =>
        !controller.signal.aborted && setState((previous) => ({ ...previous, key, error, loading: false })),
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; `key` says when it means something new.
  }, [key, generation]);

  // Data for another key is not this key's data.
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: !current || state.loading,
    reload,
  };
}
