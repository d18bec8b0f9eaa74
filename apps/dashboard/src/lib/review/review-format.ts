/** A DICOM person name (Family^Given^Middle) as people write it: "Okafor, Ada". */
export function formatPersonName(name: string): string {
  const [family = '', given = '', middle = ''] = name.split('^').map((part) => part.trim());
  const rest = [given, middle].filter(Boolean).join(' ');
  return family && rest ? `${family}, ${rest}` : family || rest;
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** Timing stages in pipeline order with the total last; stages the pipeline did not name keep their order. */
export function orderedTimings(timings: Record<string, number>): [string, number][] {
  const order = ['decode', 'preprocess', 'inference', 'postprocess', 'rules'];
  const rank = (key: string) =>
    key === 'total' ? Infinity : order.indexOf(key) === -1 ? order.length : order.indexOf(key);
  return Object.entries(timings).sort(([a], [b]) => rank(a) - rank(b));
}

/** Row and column spacing, or one number when they read the same to 0.001 mm. */
export function formatSpacing([row = NaN, column = row]: readonly number[]): string {
  const [r, c] = [row.toFixed(3), column.toFixed(3)];
  return r === c ? `${r} mm` : `${r} × ${c} mm (row × column)`;
}

const VIEW_NAMES: Record<string, string> = { ap: 'AP', lateral: 'Lateral', oblique: 'Oblique' };

export function formatView(view: string): string {
  return VIEW_NAMES[view] ?? view;
}

const VIEW_SOURCES: Record<string, string> = {
  user: 'named by the sender',
  dicom: 'from the DICOM ViewPosition',
  model: 'recognised by the model',
};

export function formatViewSource(source: string): string {
  return VIEW_SOURCES[source] ?? source;
}
