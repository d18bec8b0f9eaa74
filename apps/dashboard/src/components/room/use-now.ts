import { useEffect, useState } from 'react';

/**
 * The current time, ticking. null on the server and in the first client render, so server and browser
 * render the same HTML (a clock would never match) and times appear right after hydration.
 */
export function useNow(intervalMs = 1000): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [intervalMs]);
  return now;
}
