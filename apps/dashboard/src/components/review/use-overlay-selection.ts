'use client';
import type { Structure } from '@spineqc/qc-standard';
import { useMemo, useState } from 'react';
import {
  ALL_OVERLAYS,
  NO_OVERLAYS,
  toggleStructure,
  type OverlaySelection,
} from '@/lib/review/overlay-defaults';

export interface OverlaySelectionControls {
  selection: OverlaySelection;
  setStructure: (structure: Structure, on: boolean) => void;
  setLevels: (on: boolean) => void;
  showAll: () => void;
  showNone: () => void;
}

/**
 * The overlay switches: the defaults (failed criteria's structures, levels on) until the reviewer touches one,
 * so a verdict that arrives while the page is open still opens on what failed.
 */
export function useOverlaySelection(defaults: readonly Structure[]): OverlaySelectionControls {
  const [chosen, setChosen] = useState<OverlaySelection | null>(null);
  const defaultKey = defaults.join(' ');
  const selection = useMemo<OverlaySelection>(
    () =>
      chosen ?? {
        structures: new Set(defaultKey ? (defaultKey.split(' ') as Structure[]) : []),
        levels: true,
      },
    [chosen, defaultKey],
  );
  return {
    selection,
    setStructure: (structure, on) => setChosen(toggleStructure(selection, structure, on)),
    setLevels: (levels) => setChosen({ ...selection, levels }),
    showAll: () => setChosen(ALL_OVERLAYS),
    showNone: () => setChosen(NO_OVERLAYS),
  };
}
