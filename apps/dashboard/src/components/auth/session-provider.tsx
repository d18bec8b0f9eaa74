'use client';
import type { SessionJson } from '@spineqc/contracts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { getSession, signOut as postSignOut } from '@/lib/auth/auth-api';

export interface SessionState {
  /** Who is signed in; null while loading, or when loading failed. */
  session: SessionJson | null;
  /** Why the session could not be read (API down…); a 401 never lands here, it goes to /login. */
  error: Error | null;
  loading: boolean;
  reload: () => void;
  /** Ends the session at the API and goes to the sign-in page. */
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

const toError = (caught: unknown) => (caught instanceof Error ? caught : new Error(String(caught)));

/** Reads `/api/auth/me` once for the pages below it (a 401 there sends the browser to /login). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ session: SessionJson | null; error: Error | null; loading: boolean }>({
    session: null,
    error: null,
    loading: true,
  });
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getSession({ signal: controller.signal }).then(
      (session) => setState({ session, error: null, loading: false }),
      (caught: unknown) => {
        if (!controller.signal.aborted) setState({ session: null, error: toError(caught), loading: false });
      },
    );
    return () => controller.abort();
  }, [reloads]);

  const reload = useCallback(() => {
    setState((s) => ({ ...s, loading: true, error: null }));
    setReloads((n) => n + 1);
  }, []);

  const signOut = useCallback(async () => {
    await postSignOut();
    // A full load, so nothing of the old session (live sockets, cached answers) survives it.
    window.location.assign('/login');
  }, []);

  const value = useMemo(() => ({ ...state, reload, signOut }), [state, reload, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs a <SessionProvider> above it');
  return value;
}
