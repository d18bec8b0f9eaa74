import type { View } from '@spineqc/qc-standard';

/** DICOM ViewPosition (0018,5101) values and the lumbar view they mean. */
const VIEW_POSITIONS: Record<string, View> = {
  AP: 'ap',
  PA: 'ap',
  LL: 'lateral',
  RL: 'lateral',
  LAT: 'lateral',
  LATERAL: 'lateral',
  LLD: 'lateral',
  RLD: 'lateral',
  LPO: 'oblique',
  RPO: 'oblique',
  LAO: 'oblique',
  RAO: 'oblique',
  LLO: 'oblique',
  RLO: 'oblique',
  OBL: 'oblique',
  OBLIQUE: 'oblique',
};

export function viewFromViewPosition(viewPosition: string | undefined): View | undefined {
  return viewPosition ? VIEW_POSITIONS[viewPosition.trim().toUpperCase()] : undefined;
}

export type ViewSource = 'user' | 'dicom' | 'model';

export interface ViewDecision {
  view: View;
  source: ViewSource;
  predicted: View;
  /** Present when the image and the header (or the user) disagree. */
  contradiction?: string;
}

/** Below this model probability a stated view is "inconsistent with the image". */
export const CONSISTENT_VIEW_PROBABILITY = 0.2;

/**
 * The user's --view wins; then the DICOM ViewPosition when the image agrees with it; otherwise
 * the view the model sees, with the contradiction recorded (a mislabelled series is worth knowing).
 */
export function decideView(
  probabilities: Record<View, number>,
  predicted: View,
  dicomViewPosition: string | undefined,
  userView: View | undefined,
): ViewDecision {
  const pct = (v: View) => `${Math.round(probabilities[v] * 100)} %`;
  if (userView) {
    const disagree = probabilities[userView] < CONSISTENT_VIEW_PROBABILITY;
    return {
      view: userView,
      source: 'user',
      predicted,
      ...(disagree && {
        contradiction: `judged as ${userView} as requested, but the image looks ${predicted} (${pct(predicted)}; ${userView} ${pct(userView)})`,
      }),
    };
  }
  const stated = viewFromViewPosition(dicomViewPosition);
  if (stated && probabilities[stated] >= CONSISTENT_VIEW_PROBABILITY)
    return { view: stated, source: 'dicom', predicted };
  return {
    view: predicted,
    source: 'model',
    predicted,
    ...(stated && {
      contradiction: `DICOM ViewPosition ${dicomViewPosition} says ${stated}, but the image looks ${predicted} (${pct(predicted)}; ${stated} ${pct(stated)}); judged as ${predicted}`,
    }),
  };
}
