import { LEVELS, STRUCTURES, isLumbar, levelCode } from '@spineqc/qc-standard';
import { describe, expect, it } from 'vitest';
import { prepare, type Primitive } from '../geometry/primitive.js';
import type { Projection } from '../geometry/projection.js';
import { type Vec3, add, column, mulVec, scale, sub, transpose } from '../geometry/vec.js';
import { Rng } from '../random.js';
import { renderReference } from '../render/reference-render.js';
import { buildAnatomy } from './build-anatomy.js';
import { samplePatient } from './sample-patient.js';
import { containsPoint } from './shape.js';
import type { PatientParams, VertebraLandmarks } from './types.js';

const AVERAGE: PatientParams = {
  sex: 'M',
  sizeScale: 1,
  lordosisDeg: 48,
  thoracicKyphosisDeg: 12,
  scoliosisDeg: 0,
  discHeightScale: 1,
  boneDensity: 1,
  bodyWidthMm: 330,
  bodyDepthMm: 240,
  fatThicknessMm: 20,
  bowelGas: 0.5,
  implants: [],
  instrumentedLevels: [],
  detailSeed: 11,
  ageYears: 45,
};

const patients = (count: number, seed: number) =>
  Array.from({ length: count }, (_, i) => samplePatient(new Rng(seed + i)));

/** Position of a point in a vertebra's own frame (lateral, anterior, cranial) relative to its body centre. */
function local(v: VertebraLandmarks, p: Vec3): Vec3 {
  return mulVec(transpose(v.frame), sub(p, v.bodyCenter));
}

function expectNear(actual: number, expected: number, tolerance: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);
}

describe('buildAnatomy', () => {
  it('is deterministic for the same parameters', () => {
    const params = samplePatient(new Rng(5));
    expect(JSON.stringify(buildAnatomy(params))).toBe(JSON.stringify(buildAnatomy({ ...params })));
  });

  it('differs when only the detail seed differs', () => {
    const a = buildAnatomy(AVERAGE);
    const b = buildAnatomy({ ...AVERAGE, detailSeed: AVERAGE.detailSeed + 1 });
    expect(JSON.stringify(a.primitives)).not.toBe(JSON.stringify(b.primitives));
  });

  it('puts the centre of L3 at the origin with an identity frame', () => {
    for (const params of [AVERAGE, ...patients(20, 100)]) {
      const l3 = buildAnatomy(params).vertebrae.find((v) => v.level === 'L3')!;
      l3.bodyCenter.forEach((c) => expect(c).toBeCloseTo(0, 9));
      l3.frame.forEach((m, i) => expect(m).toBeCloseTo([1, 0, 0, 0, 1, 0, 0, 0, 1][i], 9));
    }
  });

  it('lists T6 … L5 from top to bottom', () => {
    for (const params of [AVERAGE, ...patients(20, 200)]) {
      const vs = buildAnatomy(params).vertebrae;
      expect(vs.map((v) => v.level)).toEqual([...LEVELS]);
      for (let i = 1; i < vs.length; i++) expect(vs[i].bodyCenter[2]).toBeLessThan(vs[i - 1].bodyCenter[2]);
    }
  });

  it('has a primitive for every mask structure, bodies labelled with their level', () => {
    const { primitives } = buildAnatomy(AVERAGE);
    for (const s of STRUCTURES)
      expect(
        primitives.some((p) => p.structure === s),
        s,
      ).toBe(true);
    const bodies = primitives.filter((p) => p.structure === 'vertebral-body');
    expect(bodies.map((p) => p.level).sort((x, y) => x! - y!)).toEqual(LEVELS.map(levelCode));
  });

  it('leaves structure labels to outer primitives only', () => {
    const { primitives } = buildAnatomy(AVERAGE);
    for (const p of primitives.filter((q) => q.textured)) expect(p.structure).toBeUndefined();
  });

  it('places pedicles, inferior articular and spinous processes where the criteria expect them', () => {
    for (const params of [AVERAGE, ...patients(30, 300)]) {
      const anatomy = buildAnatomy(params);
      for (const v of anatomy.vertebrae) {
        const { halfWidth: hw, halfDepth: hd, halfHeight: hh } = v;
        const tol = (x: number) => 0.1 * Math.abs(x) + 1e-9;
        for (const [point, side] of [
          [v.inferiorArticularLeft, 1],
          [v.inferiorArticularRight, -1],
        ] as const) {
          const q = local(v, point);
          expectNear(q[0], side * 0.92 * hw, tol(0.92 * hw));
          expectNear(q[1], -(hd + 16), tol(hd + 16));
          expectNear(q[2], -(hh - 4), tol(hh - 4));
        }
        for (const [point, side] of [
          [v.pedicleLeft, 1],
          [v.pedicleRight, -1],
        ] as const) {
          const q = local(v, point);
          expectNear(q[0], side * 0.62 * hw, tol(0.62 * hw));
          expectNear(q[1], -(hd + 5), tol(hd + 5));
          expectNear(q[2], 0.25 * hh, tol(0.25 * hh));
        }
        const sp = local(v, v.spinousProcessCenter);
        const lumbar = isLumbar(v.level);
        expectNear(sp[0], 0, 0.1 * hw);
        expectNear(sp[1], -(hd + (lumbar ? 42 : 38)), tol(hd + (lumbar ? 42 : 38)));
        expectNear(sp[2], (lumbar ? -0.45 : -1.2) * hh, tol((lumbar ? 0.45 : 1.2) * hh));
      }
    }
  });

  it('centres the outer primitive of each landmark structure on its landmark', () => {
    const anatomy = buildAnatomy(samplePatient(new Rng(42)));
    const centred = (structure: string, point: Vec3) =>
      anatomy.primitives.some((p) => p.structure === structure && Math.hypot(...sub(p.center, point)) < 1e-9);
    for (const v of anatomy.vertebrae) {
      expect(centred('inferior-articular-process', v.inferiorArticularLeft)).toBe(true);
      expect(centred('inferior-articular-process', v.inferiorArticularRight)).toBe(true);
      expect(centred('pedicle', v.pedicleLeft)).toBe(true);
      expect(centred('pedicle', v.pedicleRight)).toBe(true);
      expect(centred('spinous-process', v.spinousProcessCenter)).toBe(true);
      expect(centred('vertebral-body', v.bodyCenter)).toBe(true);
    }
  });

  it('marks L3 double contours with zero-weight discs equal to the landmark endplates', () => {
    const anatomy = buildAnatomy(samplePatient(new Rng(7)));
    const l3 = anatomy.vertebrae.find((v) => v.level === 'L3')!;
    const discs = anatomy.primitives.filter((p) => p.structure === 'l3-double-contour');
    expect(discs).toHaveLength(2);
    for (const [disc, endplate] of [
      [discs[0], l3.upperEndplate],
      [discs[1], l3.lowerEndplate],
    ] as const) {
      expect(disc.kind).toBe('disc');
      expect(disc.material).toEqual({ bone: 0, water: 0, metal: 0 });
      expect(disc.center).toEqual(endplate.center);
      expect(column(disc.axes, 0)).toEqual(endplate.axisA);
      expect(column(disc.axes, 1)).toEqual(endplate.axisB);
    }
    expect(l3.upperEndplate.center[2]).toBeCloseTo(l3.halfHeight, 9);
    expect(l3.lowerEndplate.center[2]).toBeCloseTo(-l3.halfHeight, 9);
  });

  it('pairs zero-weight foramina left and right for T12/L1 … L5/S1', () => {
    const { primitives } = buildAnatomy(AVERAGE);
    const foramina = primitives.filter((p) => p.structure === 'intervertebral-foramen');
    const groups = new Map<string, Primitive[]>();
    for (const f of foramina) groups.set(f.maskGroup!, [...(groups.get(f.maskGroup!) ?? []), f]);
    expect([...groups.keys()]).toEqual([
      'foramen-T12-L1',
      'foramen-L1-L2',
      'foramen-L2-L3',
      'foramen-L3-L4',
      'foramen-L4-L5',
      'foramen-L5-S1',
    ]);
    for (const [, pair] of groups) {
      expect(pair).toHaveLength(2);
      expect(Math.sign(pair[0].center[0])).toBe(-Math.sign(pair[1].center[0]));
      for (const f of pair) {
        expect(f.kind).toBe('ellipsoid');
        expect(f.material).toEqual({ bone: 0, water: 0, metal: 0 });
      }
    }
  });

  it('places the pelvis and sacrum in their anatomical ranges', () => {
    for (const params of [AVERAGE, ...patients(20, 400)]) {
      const a = buildAnatomy(params);
      const l4 = a.vertebrae.find((v) => v.level === 'L4')!;
      const l5 = a.vertebrae.find((v) => v.level === 'L5')!;
      const s = params.sizeScale;
      // Femoral heads 18–22 cm below L3 (scaled), either side of the midline.
      for (const head of [a.pelvis.femoralHeadLeft, a.pelvis.femoralHeadRight]) {
        expect(-head[2] / s).toBeGreaterThan(165);
        expect(-head[2] / s).toBeLessThan(235);
      }
      expect(a.pelvis.femoralHeadLeft[0]).toBeGreaterThan(60 * s);
      expect(a.pelvis.femoralHeadRight[0]).toBeLessThan(-60 * s);
      // Iliac crests at about the L4 level.
      expect(a.pelvis.iliacCrestTop[2]).toBeLessThan(l4.bodyCenter[2] + 2 * l4.halfHeight + 15);
      expect(a.pelvis.iliacCrestTop[2]).toBeGreaterThan(l5.bodyCenter[2] - l5.halfHeight - 15);
      // S1 below L5, coccyx tip below S1.
      expect(a.sacrum.s1Center[2]).toBeLessThan(l5.bodyCenter[2] - l5.halfHeight);
      expect(a.sacrum.tip[2]).toBeLessThan(a.sacrum.s1Center[2] - 60 * s);
    }
  });

  it('keeps the whole patient under about 1000 primitives', () => {
    for (const params of patients(60, 500))
      expect(buildAnatomy(params).primitives.length).toBeLessThanOrEqual(1000);
    const instrumented = buildAnatomy({
      ...AVERAGE,
      bowelGas: 1,
      implants: ['pedicle-screws', 'rods', 'surgical-clips', 'umbilical-piercing'],
      instrumentedLevels: ['L3', 'L4', 'L5'],
    });
    expect(instrumented.primitives.length).toBeLessThanOrEqual(1000);
    expect(instrumented.primitives.filter((p) => p.material.metal > 0).length).toBeGreaterThan(12);
  });

  it('never leaves less than empty space: no negative bone, no gas or hole outside tissue', () => {
    for (const params of [
      { ...AVERAGE, bowelGas: 1 },
      ...patients(4, 600).map((p) => ({ ...p, bowelGas: 1 })),
    ]) {
      const prims = buildAnatomy(params).primitives.map(prepare);
      const rng = new Rng(3);
      for (let k = 0; k < 6000; k++) {
        const q: Vec3 = [rng.uniform(-200, 200), rng.uniform(-180, 220), rng.uniform(-320, 280)];
        let bone = 0;
        let total = 0;
        for (const p of prims) {
          if (!containsPoint(p, q)) continue;
          bone += p.material.bone;
          total += p.material.bone + p.material.water + p.material.metal;
        }
        // Where two bones touch they may overlap (a denser junction); that still fills the volume once.
        expect(bone).toBeGreaterThan(-1e-9);
        expect(total).toBeGreaterThan(-1e-9);
      }
    }
  });

  it('keeps every bone and implant inside the soft tissue', () => {
    for (const params of [AVERAGE, ...patients(25, 700)]) {
      const { primitives } = buildAnatomy(params);
      const tissue = primitives
        .filter((p) => p.material.bone === 0 && p.material.metal === 0 && p.material.water > 0)
        .map(prepare);
      for (const p of primitives.filter((q) => q.material.bone > 0 || q.material.metal > 0)) {
        // The centre and the ends of the longest semi-axis of every solid.
        const longest = [0, 1, 2]
          .map((j) => column(p.axes, j as 0 | 1 | 2))
          .reduce((a, b) => (Math.hypot(...a) > Math.hypot(...b) ? a : b));
        for (const q of [p.center, add(p.center, scale(longest, 0.9)), sub(p.center, scale(longest, 0.9))]) {
          if (p.clips && !containsPoint(prepare(p), q)) continue;
          const water = tissue
            .filter((t) => containsPoint(t, q))
            .reduce((sum, t) => sum + t.material.water, 0);
          expect(water, `${p.name} at ${q.map((c) => c.toFixed(0))}`).toBeGreaterThan(0.9);
        }
      }
    }
  });

  it('shows the foramina only when the beam runs through both sides', () => {
    const anatomy = buildAnatomy(AVERAGE);
    const view = (beam: 'lateral' | 'ap'): Projection => {
      const ps = 4;
      const [w, h] = [50, 60];
      return beam === 'lateral'
        ? {
            source: [-1000, 0, -40],
            origin: [300, 100, 80],
            du: [0, -ps, 0],
            dv: [0, 0, -ps],
            width: w,
            height: h,
          }
        : {
            source: [0, 1000, -40],
            origin: [-100, -300, 80],
            du: [ps, 0, 0],
            dv: [0, 0, -ps],
            width: w,
            height: h,
          };
    };
    const lateral = renderReference(anatomy.primitives, view('lateral'));
    const ap = renderReference(anatomy.primitives, view('ap'));
    const count = (m: Uint8Array) => m.reduce((a, b) => a + b, 0);
    expect(count(lateral.masks['intervertebral-foramen'])).toBeGreaterThan(10);
    expect(count(ap.masks['intervertebral-foramen'])).toBe(0);
    for (const s of ['vertebral-body', 'spinous-process', 'pedicle', 'sacrum', 'pelvis'] as const) {
      expect(count(ap.masks[s]), s).toBeGreaterThan(0);
    }
  });
});
