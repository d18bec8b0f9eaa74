import type { CriterionOutcome } from '@spineqc/contracts';
import { STRUCTURES, structuresToHighlight, type CriterionId, type Structure } from '@spineqc/qc-standard';

/** The structures the failed criteria were measured on, in STRUCTURES order: what the reviewer opens the exam for. */
export function defaultOverlay(criteria: readonly Pick<CriterionOutcome, 'id' | 'passed'>[]): Structure[] {
  const failed = criteria.filter((c) => c.passed === false).map((c) => c.id as CriterionId);
  const highlight = new Set(structuresToHighlight(failed));
  return STRUCTURES.filter((s) => highlight.has(s));
}

export interface OverlaySelection {
  structures: ReadonlySet<Structure>;
  levels: boolean;
}

export function toggleStructure(
  selection: OverlaySelection,
  structure: Structure,
  on: boolean,
): OverlaySelection {
  const structures = new Set(selection.structures);
  if (on) structures.add(structure);
  else structures.delete(structure);
  return { ...selection, structures };
}

export const ALL_OVERLAYS: OverlaySelection = { structures: new Set(STRUCTURES), levels: true };
export const NO_OVERLAYS: OverlaySelection = { structures: new Set(), levels: false };
