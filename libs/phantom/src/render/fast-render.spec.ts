import { STRUCTURES, type Structure } from '@spineqc/qc-standard';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { primitive, type Clip, type Primitive, type ShapeKind } from '../geometry/primitive.js';
import type { Projection } from '../geometry/projection.js';
import { mulMat, mulVec, normalize, rotX, rotY, rotZ, scale, type Vec3 } from '../geometry/vec.js';
import { Rng } from '../random.js';
import { render } from './fast-render.js';
import { renderReference } from './reference-render.js';
import type { RenderResult } from './types.js';

/** A cone-beam projection looking at the origin from a random direction, `width`×`height` pixels. */
function randomProjection(rng: Rng, width: number, height: number): Projection {
  const turn = mulMat(
    rotZ(rng.uniform(-180, 180)),
    mulMat(rotX(rng.uniform(-25, 25)), rotY(rng.uniform(-20, 20))),
  );
  const sod = rng.uniform(700, 1000);
  const odd = rng.uniform(100, 250);
  const pitch = rng.uniform(300, 420) / width;
  const axis = mulVec(turn, [0, 1, 0]);
  const u = mulVec(turn, [pitch, 0, 0]);
  const v = mulVec(turn, [0, 0, -pitch]);
  const centre = scale(axis, -odd);
  return {
    source: scale(axis, sod),
    origin: [
      centre[0] - ((width - 1) / 2) * u[0] - ((height - 1) / 2) * v[0],
      centre[1] - ((width - 1) / 2) * u[1] - ((height - 1) / 2) * v[1],
      centre[2] - ((width - 1) / 2) * u[2] - ((height - 1) / 2) * v[2],
    ],
    du: u,
    dv: v,
    width,
    height,
  };
}

function randomAxes(rng: Rng, kind: ShapeKind): [Vec3, Vec3, Vec3] {
  const turn = mulMat(
    rotZ(rng.uniform(-180, 180)),
    mulMat(rotX(rng.uniform(-180, 180)), rotY(rng.uniform(-90, 90))),
  );
  const size = (lo: number, hi: number) => rng.uniform(lo, hi);
  const semi: Vec3 = [size(4, 90), size(4, 90), kind === 'disc' ? 1 : size(4, 90)];
  return [0, 1, 2].map((j) =>
    scale(mulVec(turn, [j === 0 ? 1 : 0, j === 1 ? 1 : 0, j === 2 ? 1 : 0]), semi[j]),
  ) as [Vec3, Vec3, Vec3];
}

/** Every feature the renderer supports, with some primitives partly or wholly outside the field. */
function randomScene(rng: Rng): Primitive[] {
  const kinds: ShapeKind[] = ['ellipsoid', 'cylinder', 'disc'];
  const scene: Primitive[] = [];
  const count = rng.int(6, 28);
  let groupId = 0;
  while (scene.length < count) {
    const make = (structure?: Structure, maskGroup?: string): Primitive => {
      const kind = rng.pick(kinds);
      const [a, b, c] = randomAxes(rng, kind);
      const clips: Clip[] = [];
      if (rng.bool(0.3))
        for (let k = rng.int(1, 2); k > 0; k--)
          clips.push({
            normal: normalize([rng.normal(), rng.normal(), rng.normal()]),
            offset: rng.uniform(-0.6, 0.8),
          });
      const spread = rng.bool(0.2) ? 400 : 150;
      return primitive(
        kind,
        [rng.uniform(-spread, spread), rng.uniform(-spread, spread), rng.uniform(-spread, spread)],
        a,
        b,
        c,
        {
          bone: rng.bool(0.5) ? rng.uniform(-1, 1.5) : 0,
          water: rng.uniform(-1, 1),
          metal: rng.bool(0.15) ? 1 : 0,
        },
        {
          clips: clips.length ? clips : undefined,
          textured: rng.bool(0.3),
          structure,
          maskGroup,
          level: rng.bool(0.3) ? rng.int(1, 12) : undefined,
        },
      );
    };
    if (rng.bool(0.15)) {
      const structure = rng.pick(STRUCTURES);
      const name = `group-${groupId++}`;
      for (let k = rng.int(2, 3); k > 0; k--) scene.push(make(structure, name));
    } else {
      scene.push(make(rng.bool(0.6) ? rng.pick(STRUCTURES) : undefined));
    }
  }
  return scene;
}

function maxIntegralDifference(a: RenderResult, b: RenderResult): number {
  let worst = 0;
  for (const key of ['bone', 'water', 'metal', 'texturedBone'] as const) {
    const x = a.integrals[key];
    const y = b.integrals[key];
    for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]));
  }
  return worst;
}

function differingPixels(x: Uint8Array, y: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) n++;
  return n;
}

describe('fast render', () => {
  it('matches the reference renderer on random scenes (integrals, masks, mask groups, levels)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const rng = new Rng(seed);
        const projection = randomProjection(rng, 64, 48);
        const scene = randomScene(rng);
        const fast = render(scene, projection);
        const reference = renderReference(scene, projection);
        const pixels = projection.width * projection.height;
        expect(maxIntegralDifference(fast, reference)).toBeLessThan(1e-3);
        for (const s of STRUCTURES)
          expect(differingPixels(fast.masks[s], reference.masks[s])).toBeLessThanOrEqual(pixels * 0.005);
        expect(differingPixels(fast.levels, reference.levels)).toBeLessThanOrEqual(pixels * 0.005);
      }),
      { numRuns: 40, seed: 20240611 },
    );
  });

  it('renders something on most random scenes (the comparison is not vacuous)', () => {
    let covered = 0;
    for (let seed = 0; seed < 20; seed++) {
      const rng = new Rng(seed);
      const projection = randomProjection(rng, 64, 48);
      const result = render(randomScene(rng), projection);
      if (result.integrals.water.some((v) => v !== 0) && result.levels.some((v) => v !== 0)) covered++;
    }
    expect(covered).toBeGreaterThan(15);
  });

  it('gives a chord of 2R through the centre of a sphere', () => {
    const projection: Projection = {
      source: [0, 1000, 0],
      origin: [-50, -150, 50],
      du: [1, 0, 0],
      dv: [0, 0, -1],
      width: 101,
      height: 101,
    };
    const sphere = primitive('ellipsoid', [0, 0, 0], [37, 0, 0], [0, 37, 0], [0, 0, 37], {
      bone: 0,
      water: 1,
      metal: 0,
    });
    const result = render([sphere], projection);
    expect(result.integrals.water[50 * 101 + 50]).toBeCloseTo(7.4, 5);
    expect(result.integrals.water[0]).toBe(0);
  });

  it('skips primitives outside the collimated field and empties a mask group with a member outside it', () => {
    const projection: Projection = {
      source: [0, 1000, 0],
      origin: [-31.5, -150, 23.5],
      du: [1, 0, 0],
      dv: [0, 0, -1],
      width: 64,
      height: 48,
    };
    const water = { bone: 0, water: 1, metal: 0 };
    const inside = primitive('ellipsoid', [0, 0, 0], [10, 0, 0], [0, 10, 0], [0, 0, 10], water, {
      structure: 'intervertebral-foramen',
      maskGroup: 'L3 foramina',
    });
    const outside = primitive('ellipsoid', [500, 0, 0], [10, 0, 0], [0, 10, 0], [0, 0, 10], water, {
      structure: 'intervertebral-foramen',
      maskGroup: 'L3 foramina',
    });
    const fast = render([inside, outside], projection);
    const reference = renderReference([inside, outside], projection);
    expect(fast.masks['intervertebral-foramen'].some((v) => v !== 0)).toBe(false);
    expect(maxIntegralDifference(fast, reference)).toBeLessThan(1e-6);
    const both = render([inside, { ...inside, name: 'twin' }], projection);
    expect(both.masks['intervertebral-foramen'].some((v) => v !== 0)).toBe(true);
  });

  it('labels each pixel with the level of the thickest body along the ray', () => {
    const projection: Projection = {
      source: [0, 1000, 0],
      origin: [-31.5, -150, 23.5],
      du: [1, 0, 0],
      dv: [0, 0, -1],
      width: 64,
      height: 48,
    };
    const bone = { bone: 1, water: -1, metal: 0 };
    const thin = primitive('cylinder', [0, 20, 0], [20, 0, 0], [0, 5, 0], [0, 0, 20], bone, { level: 9 });
    const thick = primitive('cylinder', [5, -20, 0], [20, 0, 0], [0, 15, 0], [0, 0, 20], bone, { level: 10 });
    const result = render([thin, thick], projection);
    const centre = 24 * 64 + 32;
    expect(result.levels[centre]).toBe(10);
    expect(result.levels).toEqual(renderReference([thin, thick], projection).levels);
  });
});
