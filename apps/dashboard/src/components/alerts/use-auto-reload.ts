'use client';
import { useEffect } from 'react';

/**
 * Calls `reload` every `intervalMs` while `enabled` and the tab is visible: alerts and deliveries change by
 * themselves, and a hidden tab should not keep polling.
 */
export function useAutoReload(reload: () => void, intervalMs: number, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [reload, intervalMs, enabled]);
}
