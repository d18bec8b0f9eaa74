'use client';
import { useState } from 'react';

const toError = (caught: unknown) => (caught instanceof Error ? caught : new Error(String(caught)));

/** One row's pending action (which button spins) and the API's refusal of the last one, with what was tried. */
export function useRowAction<Kind extends string>() {
  const [busy, setBusy] = useState<Kind | null>(null);
  const [error, setError] = useState<{ what: string; error: Error } | null>(null);

  async function run(kind: Kind, what: string, action: () => Promise<void>) {
    setBusy(kind);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError({ what, error: toError(caught) });
    } finally {
      setBusy(null);
    }
  }

  return { busy, error, run, clearError: () => setError(null) };
}
