// How the QA page writes numbers, people, rooms, views and criteria.
import { CRITERIA, type CriterionId, type View } from '@spineqc/qc-standard';

/** A rate (0–1) as "12.5 %"; "—" when there is none (nothing assessable). */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)} %`;
}

/** A rate (0–1) as a percentage rounded to 0.1, what the charts plot; null stays null (a gap, not a zero). */
export function ratePercent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

/** A DICOM person name (Family^Given^Middle^Prefix^Suffix) as people write it: "Okafor, Ada". */
export function personLabel(name: string): string {
  if (name === '') return 'Not named';
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = name
    .split('^')
    .map((p) => p.trim());
  const first = [prefix, given, middle].filter(Boolean).join(' ');
  const last = [family, suffix].filter(Boolean).join(' ');
  return first && last ? `${last}, ${first}` : last || first || name;
}

export function stationLabel(station: string): string {
  return station === '' ? 'Not named' : station;
}

const VIEW_LABELS: Record<View, string> = { ap: 'AP', lateral: 'Lateral', oblique: 'Oblique' };

export function viewLabel(view: string | null): string {
  if (view === null || view === '') return 'Unknown view';
  return VIEW_LABELS[view as View] ?? view;
}

/** The standard's wording for a criterion id; an id the standard does not know is shown as it is. */
export function criterionLabel(id: string): string {
  return id in CRITERIA ? CRITERIA[id as CriterionId].label : id;
}

/** An instant as the desk reads it, in the browser's time zone: "2026-11-27 14:13:05". */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}
