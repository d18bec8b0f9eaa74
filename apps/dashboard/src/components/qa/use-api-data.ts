'use client';
import { useEffect, useState } from 'react';

export interface ApiData<T> {
  /** The answer for the current key only: never a stale answer to earlier filters. */
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

/**
 * Loads `load()` whenever `key` changes (the key names everything the request depends on) and aborts the request
 * it replaces, so a slow old answer never overwrites a newer one.
 */
export function useApiData<T>(key: string, load: (signal: AbortSignal) => Promise<T>): ApiData<T> {
  const [state, setState] = useState<{ key: string; data?: T; error?: Error }>({ key: '' });
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ key, error: error instanceof Error ? error : new Error(String(error)) });
        }
      },
    );
    return () => controller.abort();
    // `load` is a new closure each render; `key` names what it fetches.
  }, [key]);
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: !current,
  };
}
