import {
  criteriaForView,
  DEFAULT_THRESHOLDS,
  levelLegend,
  STRUCTURES,
  type CaseTruth,
  type MaskSet,
  type QcThresholds,
  type Structure,
} from '@spineqc/qc-standard';
import { buildAnatomy } from '../anatomy/build-anatomy.js';
import { samplePatient } from '../anatomy/sample-patient.js';
import type { Anatomy } from '../anatomy/types.js';
import { projectionOf } from '../acquisition/geometry.js';
import type { AcquisitionSpec } from '../acquisition/types.js';
import { aecMas, expose } from '../detector/expose.js';
import { Rng } from '../random.js';
import { render } from '../render/fast-render.js';
import { ambiguousCriteria } from '../truth/ambiguity.js';
import { computeGeometricTruth, judgeTruth, type GeometricTruth } from '../truth/criteria-truth.js';
import { fitField } from './fit-field.js';
import { filmIdentity, type FilmIdentity } from './identity.js';
import { planIntent, planPose, viewFor, type FilmIntent, type GenerateOptions } from './plan.js';

export const GENERATOR_VERSION = '1.0.0';

/** One synthetic film with everything known about it. */
export interface PhantomCase {
  id: string;
  image: {
    width: number;
    height: number;
    pixels: Uint16Array;
    bitsStored: number;
    pixelSpacingMm: [number, number];
  };
  masks: MaskSet;
  truth: CaseTruth;
  identity: FilmIdentity;
  intent: FilmIntent;
  anatomy: Anatomy;
  acquisition: AcquisitionSpec;
  exposure: {
    kvp: number;
    mAs: number;
    exposureIndex: number;
    targetExposureIndex: number;
    deviationIndex: number;
  };
}

const MAX_ATTEMPTS = 25;

/** Deterministic per (seed, index): the same arguments give the same film on any machine. */
export function generateCase(
  seed: number,
  index: number,
  options: GenerateOptions,
  thresholds: QcThresholds = DEFAULT_THRESHOLDS,
): PhantomCase {
  const rng = new Rng(mix(seed, index));
  const view = viewFor(options, index);
  for (let attempt = 1; ; attempt++) {
    const last = attempt === MAX_ATTEMPTS;
    const intent = planIntent(rng.fork('intent'), view, options);
    const patient = samplePatient(rng.fork('patient'));
    const anatomy = buildAnatomy(patient);
    const pose = planPose(rng.fork('pose'), intent, patient, options.pixelSpacingMm);
    const acquisition = fitField(rng.fork('field'), anatomy, pose, intent);
    const projection = projectionOf(acquisition);
    const base = { view, anatomy, projection, pixelSpacingMm: acquisition.pixelSpacingMm, thresholds };
    // Cheap check before rendering: areas and DI are known only after it, so here they are set far
    // from any threshold and judged in the second check.
    const preliminary = computeGeometricTruth({
      ...base,
      areasMm2: { pelvis: 1e9, sacrum: 1e9 },
      deviationIndex: 0,
    });
    if (
      !last &&
      ambiguousCriteria(preliminary, thresholds).some(
        (c) => c !== 'pelvis-in-field' && c !== 'sacrum-in-field',
      )
    )
      continue;

    const rendered = render(anatomy.primitives, projection);
    const areasMm2 = {
      pelvis: area(rendered.masks.pelvis, acquisition.pixelSpacingMm),
      sacrum: area(rendered.masks.sacrum, acquisition.pixelSpacingMm),
    };
    const targetExposureIndex = intent.station.targetExposureIndex;
    const mAs =
      aecMas(
        rendered.integrals,
        intent.kvp,
        acquisition.sidMm,
        intent.gridRatio,
        targetExposureIndex,
        acquisition.pixelSpacingMm,
      ) *
      10 ** (intent.intendedDeviationIndex / 10);
    const image = expose(
      rendered.integrals,
      {
        kvp: intent.kvp,
        mAs,
        sidMm: acquisition.sidMm,
        pixelSpacingMm: acquisition.pixelSpacingMm,
        gridRatio: intent.gridRatio,
        targetExposureIndex,
        // Cancellous cores carry negative deltas (cortical → marrow), so a small scale already gives the
        // trabecular contrast of real films; 0.5–1 looked like a leopard.
        textureScale: rng.uniform(0.12, 0.25),
      },
      rng.fork('detector'),
    );
    const geometric = computeGeometricTruth({ ...base, areasMm2, deviationIndex: image.deviationIndex });
    if (!last && ambiguousCriteria(geometric, thresholds).length) continue;

    const identity = filmIdentity(rng.fork('identity'), seed, index, patient.sex);
    const id = `${view}-${String(seed)}-${String(index).padStart(4, '0')}`;
    const masks: MaskSet = {
      width: projection.width,
      height: projection.height,
      masks: rendered.masks,
      levels: rendered.levels,
    };
    // Rounded as DICOM stores them (DS), so the file and the truth carry the same numbers.
    const exposure = {
      kvp: Number(intent.kvp.toFixed(1)),
      mAs: Number(mAs.toFixed(2)),
      exposureIndex: Number(image.exposureIndex.toFixed(1)),
      targetExposureIndex: image.targetExposureIndex,
      deviationIndex: Number(image.deviationIndex.toFixed(2)),
    };
    return {
      id,
      image: {
        width: image.width,
        height: image.height,
        pixels: image.pixels,
        bitsStored: 12,
        pixelSpacingMm: [acquisition.pixelSpacingMm, acquisition.pixelSpacingMm],
      },
      masks,
      identity,
      intent,
      anatomy,
      acquisition,
      exposure,
      truth: buildTruth({
        id,
        seed,
        index,
        intent,
        anatomy,
        acquisition,
        geometric,
        masks,
        exposure,
        thresholds,
      }),
    };
  }
}

function buildTruth(a: {
  id: string;
  seed: number;
  index: number;
  intent: FilmIntent;
  anatomy: Anatomy;
  acquisition: AcquisitionSpec;
  geometric: GeometricTruth;
  masks: MaskSet;
  exposure: PhantomCase['exposure'];
  thresholds: QcThresholds;
}): CaseTruth {
  const { intent, anatomy, acquisition: s, geometric, thresholds } = a;
  const judged = judgeTruth(geometric, criteriaForView(intent.view), thresholds);
  const p = anatomy.params;
  const round = (v: number, d = 4) => Number(v.toFixed(d));
  return {
    id: a.id,
    generator: { name: 'spineqc-phantom', version: GENERATOR_VERSION, seed: a.seed, index: a.index },
    view: intent.view,
    obliqueSide: intent.obliqueSide,
    image: {
      width: a.masks.width,
      height: a.masks.height,
      pixelSpacingMm: [s.pixelSpacingMm, s.pixelSpacingMm],
      bitsStored: 12,
      photometricInterpretation: 'MONOCHROME2',
    },
    acquisition: {
      sidMm: round(s.sidMm, 1),
      sodMm: round(s.sidMm - s.oddMm, 1),
      detector: s.detector,
      kvp: round(a.exposure.kvp, 1),
      mAs: round(a.exposure.mAs, 2),
      fieldMm: { width: round(s.fieldWidthMm, 1), height: round(s.fieldHeightMm, 1) },
      exposureIndex: round(a.exposure.exposureIndex, 1),
      targetExposureIndex: a.exposure.targetExposureIndex,
      deviationIndex: round(a.exposure.deviationIndex, 2),
    },
    pose: {
      axialRotationDeg: round(s.axialRotationDeg, 2),
      obliquityDeg: round(s.view === 'oblique' ? s.obliquityDeg : s.view === 'lateral' ? 90 : 0, 2),
      tiltDeg: round(s.tiltDeg, 2),
      rollDeg: round(s.rollDeg, 2),
      centringOffsetMm: round(s.centringCranialMm, 1),
    },
    patient: {
      sex: p.sex,
      sizeScale: round(p.sizeScale, 3),
      lordosisDeg: round(p.lordosisDeg, 1),
      scoliosisDeg: round(p.scoliosisDeg, 1),
      discHeightScale: round(p.discHeightScale, 3),
      boneDensity: round(p.boneDensity, 3),
      bodyWidthMm: round(p.bodyWidthMm, 1),
      bodyDepthMm: round(p.bodyDepthMm, 1),
      bowelGas: round(p.bowelGas, 2),
      implants: [...p.implants],
    },
    operator: intent.operator.name,
    station: intent.station.name,
    defects: [...intent.defects],
    vertebrae: geometric.vertebrae.map((v) => ({
      level: v.level,
      visibleFraction: round(v.visibleFraction, 4),
      inField: v.visibleFraction >= thresholds.minVisibleFractionToCount,
    })),
    criteria: judged.map((c) => ({
      id: c.id,
      value: Number.isFinite(c.value) ? round(c.value, 5) : c.value,
      range: thresholds.ranges[c.id],
      passed: c.passed,
    })),
    qualified: judged.every((c) => c.passed),
    thresholdsVersion: thresholds.version,
    levelLegend: levelLegend(),
    structureAreasMm2: Object.fromEntries(
      STRUCTURES.map((st) => [st, round(area(a.masks.masks[st], s.pixelSpacingMm), 1)]),
    ) as Record<Structure, number>,
  };
}

function area(mask: Uint8Array, ps: number): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  return n * ps * ps;
}

function mix(seed: number, index: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (index + 0x632be5ab), 0xc2b2ae35);
  return (h ^ (h >>> 15)) >>> 0;
}
