// Icon, word and colour of each verdict. Colour is never the only signal: every verdict shows its icon and word.
import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleX,
  IconClock,
  IconHourglassHigh,
  type Icon,
} from '@tabler/icons-react';
import type { VerdictKind } from '@/lib/live/verdict-kind';
import { VERDICT_COLORS } from '@/theme';

export interface VerdictMeta {
  word: string;
  Icon: Icon;
  /** A Mantine colour name. */
  color: string;
}

export const VERDICT_META: Record<VerdictKind, VerdictMeta> = {
  qualified: { word: 'QUALIFIED', Icon: IconCircleCheck, color: VERDICT_COLORS.qualified },
  unqualified: { word: 'UNQUALIFIED', Icon: IconCircleX, color: VERDICT_COLORS.unqualified },
  'not-assessable': { word: 'NOT ASSESSABLE', Icon: IconAlertTriangle, color: VERDICT_COLORS.notAssessable },
  analysing: { word: 'ANALYSING…', Icon: IconHourglassHigh, color: VERDICT_COLORS.pending },
  // A failure is the system's, not the radiographer's: neutral, but dark enough to stand out.
  failed: { word: 'FAILED', Icon: IconAlertOctagon, color: 'dark' },
  waiting: { word: 'WAITING', Icon: IconClock, color: 'gray' },
};
