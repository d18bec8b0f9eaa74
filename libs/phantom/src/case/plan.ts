import { VIEWS, type View } from '@spineqc/qc-standard';
import type { PatientParams } from '../anatomy/types.js';
import type { AcquisitionSpec } from '../acquisition/types.js';
import type { Rng } from '../random.js';
import { BASE_DEFECT_WEIGHTS, DEFECTS_BY_VIEW, type Defect } from './defects.js';
import { clamp, signedUniform, weightedPick } from './pick.js';
import type { Roster, RosterEntry, StationEntry } from './roster.js';

export interface GenerateOptions {
  view: View | 'mixed';
  defects: 'none' | 'random';
  /** Detector pixel pitch of the written image (mm). */
  pixelSpacingMm: number;
  roster: Roster;
  /** Make exactly these defects (for galleries and tests); overrides `defects`. */
  forcedDefects?: Defect[];
}

/** Everything decided about a film before its geometry is fitted to the patient. */
export interface FilmIntent {
  view: View;
  obliqueSide: 'LPO' | 'RPO' | null;
  defects: Defect[];
  operator: RosterEntry;
  station: StationEntry;
  kvp: number;
  /** Intended deviation index; the mAs is the AEC's times 10^(DI/10). */
  intendedDeviationIndex: number;
  gridRatio: number;
}

const EXCLUSIVE: [Defect, Defect][] = [
  ['field-too-large', 'field-too-small'],
  ['obliquity-shallow', 'obliquity-steep'],
  ['underexposure', 'overexposure'],
];

export function viewFor(options: GenerateOptions, index: number): View {
  return options.view === 'mixed' ? VIEWS[index % VIEWS.length] : options.view;
}

export function planIntent(rng: Rng, view: View, options: GenerateOptions): FilmIntent {
  const operator = weightedPick(rng, options.roster.technologists, (t) => t.share);
  const station = weightedPick(rng, options.roster.stations, (s) => s.share);
  const defects: Defect[] = options.forcedDefects ? [...options.forcedDefects] : [];
  if (!options.forcedDefects && options.defects === 'random') {
    const pUnqualified = clamp(0.5 * operator.errorRate * station.errorRate, 0.05, 0.95);
    if (rng.bool(pUnqualified)) {
      const count = rng.bool(0.25) ? 2 : 1;
      const weight = (d: Defect) =>
        BASE_DEFECT_WEIGHTS[d] * (operator.tendencies[d] ?? 1) * (station.tendencies[d] ?? 1);
      while (defects.length < count) {
        const candidates = DEFECTS_BY_VIEW[view].filter(
          (d) =>
            !defects.includes(d) &&
            !EXCLUSIVE.some(([a, b]) => (d === a && defects.includes(b)) || (d === b && defects.includes(a))),
        );
        defects.push(weightedPick(rng, candidates, weight));
      }
    }
  }
  const kvp =
    view === 'ap' ? rng.uniform(75, 85) : view === 'lateral' ? rng.uniform(85, 95) : rng.uniform(78, 88);
  const intendedDeviationIndex = defects.includes('underexposure')
    ? rng.uniform(-8, -4.5)
    : defects.includes('overexposure')
      ? rng.uniform(4.5, 8)
      : rng.truncatedNormal(0, 0.8, -2, 2);
  return {
    view,
    obliqueSide: view === 'oblique' ? (rng.bool() ? 'LPO' : 'RPO') : null,
    defects,
    operator,
    station,
    kvp,
    intendedDeviationIndex,
    gridRatio: 10,
  };
}

/** Pose errors and beam geometry; the field is fitted to the anatomy afterwards (fitField). */
export function planPose(
  rng: Rng,
  intent: FilmIntent,
  patient: PatientParams,
  pixelSpacingMm: number,
): AcquisitionSpec {
  const has = (d: Defect) => intent.defects.includes(d);
  const view = intent.view;
  const axialRotationDeg = has('rotation')
    ? view === 'lateral'
      ? signedUniform(rng, 16, 26)
      : signedUniform(rng, 7, 14)
    : rng.truncatedNormal(0, 1.2, -3, 3);
  const tiltDeg = has('tilt') ? signedUniform(rng, 9, 16) : rng.truncatedNormal(0, 1.5, -3.5, 3.5);
  const obliquityDeg = has('obliquity-shallow')
    ? rng.uniform(25, 36)
    : has('obliquity-steep')
      ? rng.uniform(54, 65)
      : rng.truncatedNormal(45, 1.5, 42.5, 47.5);
  const detector = rng.bool(0.7) ? '35x43' : '43x43';
  const oddMm =
    view === 'ap'
      ? 0.4 * patient.bodyDepthMm + 50
      : view === 'lateral'
        ? 0.5 * patient.bodyWidthMm + 50
        : (0.45 * (patient.bodyDepthMm + patient.bodyWidthMm)) / 2 + 50;
  return {
    view,
    obliqueSide: intent.obliqueSide,
    obliquityDeg: view === 'oblique' ? obliquityDeg : 0,
    axialRotationDeg,
    tiltDeg,
    rollDeg: rng.truncatedNormal(0, 2, -5, 5),
    sidMm: rng.uniform(1000, 1150),
    oddMm,
    detector,
    fieldWidthMm: detector === '35x43' ? 350 : 430,
    fieldHeightMm: 430,
    centringCranialMm: 0,
    centringLateralMm: 0,
    pixelSpacingMm,
  };
}
