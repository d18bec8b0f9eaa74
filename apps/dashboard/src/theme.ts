import { createTheme } from '@mantine/core';

/** Verdict colours always come with an icon and a word: colour is never the only signal. */
export const VERDICT_COLORS = {
  qualified: 'teal',
  unqualified: 'red',
  notAssessable: 'orange',
  pending: 'blue',
} as const;

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});
