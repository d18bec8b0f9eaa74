import { rateBand, type RateBand } from '@/lib/qa/chart-data';

/** Mantine colours of the TG-151 bands; the charts' reference lines and the numbers carry the same meaning. */
export const RATE_BAND_COLORS: Record<RateBand, string> = {
  none: 'gray.5',
  withinTarget: 'teal.7',
  aboveTarget: 'orange.7',
  investigate: 'red.7',
};

export const rateColor = (percent: number | null) => RATE_BAND_COLORS[rateBand(percent)];
