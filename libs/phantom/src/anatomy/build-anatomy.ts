import type { Primitive } from '../geometry/primitive.js';
import { type Vec3, mulMat, mulVec, rotX, rotZ, transpose } from '../geometry/vec.js';
import { Rng } from '../random.js';
import { buildBowelGas } from './bowel-gas.js';
import { buildDisc } from './discs.js';
import { buildFemur } from './femur.js';
import { buildImplants } from './implants.js';
import { endplateMarkers, foramenMarkers } from './mask-markers.js';
import { buildOsteophytes } from './osteophytes.js';
import { buildPelvis } from './pelvis.js';
import { buildRibs } from './ribs.js';
import { buildSacrum } from './sacrum.js';
import { rotatePrimitive } from './shape.js';
import { buildSoftTissue } from './soft-tissue.js';
import { buildSpineColumn } from './spine-column.js';
import type { Anatomy, PatientParams } from './types.js';
import { buildVertebra } from './vertebra.js';

/**
 * The whole patient for one set of parameters, deterministic: small irregularities come from
 * `new Rng(params.detailSeed)`, forked per part so parts do not shift one another.
 */
export function buildAnatomy(params: PatientParams): Anatomy {
  const rng = new Rng(params.detailSeed);
  const spineRng = rng.fork('spine');
  const vertebraRng = rng.fork('vertebrae');
  const pelvisRng = rng.fork('pelvis');
  const degenerationRng = rng.fork('degeneration');
  const gasRng = rng.fork('gas');
  const implantRng = rng.fork('implants');

  const s = params.sizeScale;
  const bd = params.boneDensity;
  // Osteoporosis thins the cortex as well as the trabeculae.
  const cortex = 1.2 * (0.65 + 0.35 * bd);
  const spine = buildSpineColumn(params, spineRng);

  const vertebrae = spine.vertebrae.map((v, i) =>
    buildVertebra(v, i > 0 ? spine.vertebrae[i - 1] : null, {
      cortex,
      density: 0.2 * bd,
      sizeScale: s,
      spinousDeviation: Math.max(-1.2, Math.min(1.2, vertebraRng.normal(0, 0.5))) * s,
    }),
  );
  const spinePrims: Primitive[] = [...vertebrae.flatMap((v) => v.primitives), ...spine.discs.map(buildDisc)];
  spinePrims.push(
    ...buildOsteophytes(
      spine.vertebrae,
      // Without an age, thin discs stand for an older spine.
      params.ageYears ?? 75 - 40 * params.discHeightScale,
      params.discHeightScale,
      { cortex, density: 0.2 * bd, sizeScale: s },
      degenerationRng,
    ),
  );
  // The rib cage follows the habitus a little: slender patients have flatter, narrower chests.
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
  const ribs = buildRibs(spine.vertebrae, {
    cortex: 0.9 * cortex,
    density: 0.15 * bd,
    sizeScale: s,
    widthFactor: clamp(params.bodyWidthMm / (330 * s), 0.9, 1.1),
    depthFactor: clamp(params.bodyDepthMm / (240 * s), 0.82, 1.12),
  });
  const sacrum = buildSacrum(spine, { cortex, density: 0.17 * bd, sizeScale: s });

  // The pelvis hangs off the sacrum: it tilts with the sacral slope about a per-patient reference
  // (so pelvic tilt = incidence − slope) and turns with the sacrum's axial rotation.
  const referenceSlope = Math.max(32, Math.min(48, pelvisRng.normal(40, 4)));
  const pelvicFrame = mulMat(rotX(-(spine.sacralSlopeDeg - referenceSlope)), rotZ(spine.pelvisRotationDeg));
  const femoralHeadRadius = (params.sex === 'M' ? 24 : 21.5) * s;
  const pelvis = buildPelvis({
    origin: spine.s1.center,
    rotation: pelvicFrame,
    scale: s,
    lateralScale: s * (params.sex === 'F' ? 1.05 : 1),
    femoralHeadRadius,
    cortex: 1.3 * cortex,
    density: 0.18 * bd,
    sacroiliac: sacrum.sacroiliac,
  });
  const thighFrame = rotZ(spine.pelvisRotationDeg);
  const femora = ([1, -1] as const).flatMap((side) =>
    buildFemur({
      head: side === 1 ? pelvis.femoralHeads.left : pelvis.femoralHeads.right,
      side,
      headRadius: femoralHeadRadius,
      rotation: thighFrame,
      scale: s,
      cortex: 1.5 * cortex,
      density: 0.24 * bd,
    }),
  );

  const landmarks = vertebrae.map((v) => v.landmarks);
  // The trunk is aligned with the pelvis, which a scoliotic column is rotated against: it is fitted
  // round the skeleton seen in the pelvis's frame, then turned with it.
  const intoTrunk = transpose(thighFrame);
  const inTrunk = (ps: readonly Primitive[]) => ps.map((p) => rotatePrimitive(p, intoTrunk, [0, 0, 0]));
  const point = (v: Vec3) => mulVec(intoTrunk, v);
  const soft = buildSoftTissue({
    params,
    vertebrae: landmarks.map((v) => ({ ...v, bodyCenter: point(v.bodyCenter) })),
    ribs: inTrunk(ribs),
    spinousProcesses: inTrunk(spinePrims.filter((p) => p.structure === 'spinous-process')),
    sacrum: inTrunk(sacrum.primitives),
    pelvis: inTrunk(pelvis.primitives),
    femora: inTrunk(femora),
    s1Center: point(spine.s1.center),
    femoralHeads: { left: point(pelvis.femoralHeads.left), right: point(pelvis.femoralHeads.right) },
  });
  const softPrims = soft.primitives.map((p) => rotatePrimitive(p, thighFrame, [0, 0, 0]));

  const skeleton = [...spinePrims, ...ribs, ...sacrum.primitives, ...pelvis.primitives, ...femora];
  const implants = buildImplants(
    { params, vertebrae: spine.vertebrae, abdomen: soft.abdomen, density: 0.2 * bd },
    implantRng,
  ).map((p) =>
    p.name?.startsWith('surgical') || p.name?.startsWith('piercing')
      ? rotatePrimitive(p, thighFrame, [0, 0, 0])
      : p,
  );
  const gas = buildBowelGas(
    {
      amount: params.bowelGas,
      sizeScale: s,
      fatThicknessMm: params.fatThicknessMm,
      abdomen: soft.abdomen,
      s1Center: spine.s1.center,
      sacrumTip: sacrum.landmarks.tip,
      rotation: thighFrame,
      existing: [...softPrims, ...skeleton, ...implants],
    },
    gasRng,
  );
  const l3 = landmarks.find((v) => v.level === 'L3')!;
  return {
    params,
    primitives: [
      ...softPrims,
      ...gas,
      ...skeleton,
      ...implants,
      ...endplateMarkers(l3),
      ...foramenMarkers(spine),
    ],
    vertebrae: landmarks,
    sacrum: sacrum.landmarks,
    pelvis: {
      iliacCrestTop: pelvis.iliacCrestTop,
      femoralHeadLeft: pelvis.femoralHeads.left,
      femoralHeadRight: pelvis.femoralHeads.right,
    },
  };
}
