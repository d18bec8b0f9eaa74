// Small text formatters for the live screens (time since exposure, clock times, names, views).

/** "just now", "12 s ago", "4 min ago", "2 h ago", "3 days ago": the time since an image was taken. */
export function formatAgo(iso: string, nowMs: number): string {
  const seconds = Math.max(0, Math.round((nowMs - Date.parse(iso)) / 1000));
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/** Local wall-clock time, "14:05" (or "14:05:09" with seconds). */
export function formatClock(iso: string | number | Date, withSeconds = false): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hm = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return withSeconds ? `${hm}:${pad(date.getSeconds())}` : hm;
}

/** A DICOM person name (Family^Given^Middle^Prefix^Suffix) as people write it: "Chen^Wei" → "Wei Chen". */
export function personName(dicomName: string): string {
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = dicomName.split('^');
  return [prefix, given, middle, family, suffix]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
}

const VIEW_NAMES: Record<string, string> = { ap: 'AP', lateral: 'Lateral', oblique: 'Oblique' };

export function viewName(view: string | null): string {
  return view === null ? 'view not known yet' : (VIEW_NAMES[view] ?? view);
}
