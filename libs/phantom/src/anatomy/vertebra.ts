import { isLumbar, levelCode } from '@spineqc/qc-standard';
import type { Primitive } from '../geometry/primitive.js';
import { type Vec3, add, column, cross, dot, mulVec, norm, normalize, scale, sub } from '../geometry/vec.js';
import { bone } from './bone.js';
import { keepAbove, type Shape } from './shape.js';
import type { VertebraGeometry } from './spine-column.js';
import type { VertebraLandmarks } from './types.js';

export interface VertebraBone {
  /** Cortical thickness (mm) and cancellous fraction of the cores. */
  cortex: number;
  density: number;
  sizeScale: number;
  /** Small lateral deviation of the spinous process (mm), a normal irregularity. */
  spinousDeviation: number;
}

export interface BuiltVertebra {
  primitives: Primitive[];
  landmarks: VertebraLandmarks;
  /** Costovertebral joint and rib tubercle per side (thoracic only), where the ribs start. */
  ribRoots: { side: 1 | -1; head: Vec3; tubercle: Vec3 }[];
}

/** Lumbar transverse process length beyond the pedicle (mm, unscaled), L3 the longest. */
const LUMBAR_TP_LENGTH = [14, 19, 25, 21, 17];

/**
 * One vertebra: the body (cortical cylinder + cancellous core) and the posterior elements, placed
 * in the body's own frame so that the landmarks the QC criteria use are exactly the centres of the
 * primitives that draw them.
 */
export function buildVertebra(
  v: VertebraGeometry,
  above: VertebraGeometry | null,
  o: VertebraBone,
): BuiltVertebra {
  const lumbar = isLumbar(v.level);
  const { halfWidth: hw, halfDepth: hd, halfHeight: hh } = v;
  const s = o.sizeScale;
  const lat = column(v.frame, 0);
  const ant = column(v.frame, 1);
  const cran = column(v.frame, 2);
  const at = (x: number, y: number, z: number): Vec3 => add(v.center, mulVec(v.frame, [x, y, z]));
  const dir = (x: number, y: number, z: number): Vec3 => normalize(mulVec(v.frame, [x, y, z]));
  const prims: Primitive[] = [];
  prims.push(
    ...bone(
      { kind: 'cylinder', center: v.center, axes: [scale(lat, hw), scale(ant, hd), scale(cran, hh)] },
      {
        cortex: o.cortex,
        density: o.density,
        structure: 'vertebral-body',
        level: levelCode(v.level),
        name: `${v.level} body`,
      },
    ),
  );
  // The posterior elements are mostly compact bone: thicker cortex, denser core than the body.
  const shell = { cortex: 1.6 * o.cortex, density: 1.5 * o.density };
  // A pedicle is a thin-walled tube of cortex around a marrow-rich core: end-on (AP) it reads as an
  // oval ring, an "eye" with a bright rim and a darker centre, not as a solid bright oval.
  const pedicleShell = { cortex: 0.8 * o.cortex, density: 0.5 * o.density };

  const pedicles: Vec3[] = [];
  const iaps: Vec3[] = [];
  const ribRoots: BuiltVertebra['ribRoots'] = [];
  for (const side of [1, -1] as const) {
    // Pedicle: a short tube from the posterolateral body, converging forward (more so low in the lumbar spine).
    const pedicle = at(side * 0.62 * hw, -(hd + 5), 0.25 * hh);
    pedicles.push(pedicle);
    const pedAxis = pedicleAxis(v, side);
    const pedAcross = normalize(cross(cran, pedAxis));
    const pedLength = pedicleHalfLength(v);
    prims.push(
      ...bone(
        {
          kind: 'cylinder',
          center: pedicle,
          axes: [
            scale(pedAcross, (lumbar ? 0.2 : 0.17) * hw),
            scale(cran, 0.58 * hh),
            scale(pedAxis, pedLength),
          ],
        },
        {
          ...pedicleShell,
          openEnds: true,
          structure: 'pedicle',
          name: `${v.level} pedicle ${sideName(side)}`,
        },
      ),
    );

    // Lamina: a thin plate sloping back and down from the pars to the base of the spinous process.
    const laminaLateral = at(side * (lumbar ? 0.78 : 0.7) * hw, -(hd + 12), -0.05 * hh);
    const laminaMedial = at(0, -(hd + (lumbar ? 21 : 18)), -0.3 * hh);
    const along = sub(laminaMedial, laminaLateral);
    const alongDir = normalize(along);
    const slope = dir(0, lumbar ? -0.35 : -0.5, 1);
    const up = normalize(sub(slope, scale(alongDir, dot(slope, alongDir))));
    const normal = normalize(cross(alongDir, up));
    prims.push(
      ...bone(
        {
          kind: 'cylinder',
          center: scale(add(laminaLateral, laminaMedial), 0.5),
          axes: [
            scale(alongDir, norm(along) / 2 + 2),
            scale(up, (lumbar ? 0.75 : 0.8) * hh),
            scale(normal, (lumbar ? 3.4 : 2.8) * s),
          ],
          planes: [keepAbove(scale(lat, side), v.center)],
        },
        { ...shell, name: `${v.level} lamina ${sideName(side)}` },
      ),
    );

    // Inferior articular process: the landmark the oblique "Scottie dog" criterion is built on.
    const iap = at(side * 0.92 * hw, -(hd + 16), -(hh - 4));
    iaps.push(iap);
    const joint = facetAxes(v, side, lumbar);
    prims.push(
      ...bone(
        {
          kind: 'ellipsoid',
          center: iap,
          axes: [
            scale(joint.along, 5.5 * s),
            scale(joint.across, 4 * s),
            scale(cran, (lumbar ? 8.5 : 6.5) * s),
          ],
        },
        {
          ...shell,
          structure: 'inferior-articular-process',
          name: `${v.level} inferior articular ${sideName(side)}`,
        },
      ),
    );

    // Pars interarticularis: the column joining the pedicle and superior process to the inferior process.
    prims.push(
      ...bone(
        {
          kind: 'ellipsoid',
          center: at(side * 0.83 * hw, -(hd + 12.5), -0.15 * hh),
          axes: [scale(lat, 4 * s), scale(ant, 5 * s), scale(cran, 0.55 * hh)],
        },
        { ...shell, name: `${v.level} pars ${sideName(side)}` },
      ),
    );

    // Superior articular process: just in front of (lumbar: anterolateral to) the inferior process above it.
    const sap = superiorArticularCentre(v, above, side, lumbar);
    prims.push(
      ...bone(
        {
          kind: 'ellipsoid',
          center: sap,
          axes: [scale(joint.along, 6 * s), scale(joint.across, 3.5 * s), scale(cran, (lumbar ? 8 : 7) * s)],
        },
        { ...shell, name: `${v.level} superior articular ${sideName(side)}` },
      ),
    );

    prims.push(...transverseProcess(v, side, lumbar, shell, s, at, dir));
    if (!lumbar) {
      ribRoots.push({
        side,
        head: at(side * 0.95 * hw, -0.5 * hd, 0.45 * hh),
        tubercle: tubercle(v, side, s),
      });
    }
  }

  // Spinous process: from the laminar junction back (lumbar: nearly horizontal hatchet) or steeply down (thoracic).
  const spCenter = at(o.spinousDeviation, -(hd + (lumbar ? 42 : 38)), lumbar ? -0.45 * hh : -1.2 * hh);
  // T12 is transitional: its process is short and nearly horizontal, like the lumbar ones, so it
  // stays clear of L1's.
  const transitional = v.level === 'T12';
  const spRoot = at(
    o.spinousDeviation,
    -(hd + (lumbar ? 22 : 20)),
    lumbar ? -0.3 * hh : transitional ? -0.6 * hh : 0.15 * hh,
  );
  const spAxis = normalize(sub(spCenter, spRoot));
  const spUp = normalize(cross(spAxis, lat));
  // An ellipsoid along its length: on AP it shows end-on as the midline oval, short enough that
  // neighbouring processes stay apart even where lordosis or kyphosis tilts them (their masks are
  // counted one by one).
  prims.push(
    ...bone(
      {
        kind: 'ellipsoid',
        center: spCenter,
        axes: [
          scale(lat, (lumbar ? 3.4 : 2.8) * s),
          scale(spUp, (lumbar ? 6.5 : 5) * s),
          scale(spAxis, (transitional ? 0.6 : 1) * norm(sub(spCenter, spRoot)) + 3 * s),
        ],
      },
      { ...shell, structure: 'spinous-process', name: `${v.level} spinous process` },
    ),
  );

  const endplate = (sign: 1 | -1) => ({
    center: add(v.center, scale(cran, sign * hh)),
    axisA: scale(lat, hw),
    axisB: scale(ant, hd),
  });
  return {
    primitives: prims,
    ribRoots,
    landmarks: {
      level: v.level,
      bodyCenter: v.center,
      frame: v.frame,
      halfWidth: hw,
      halfDepth: hd,
      halfHeight: hh,
      upperEndplate: endplate(1),
      lowerEndplate: endplate(-1),
      spinousProcessCenter: spCenter,
      inferiorArticularLeft: iaps[0],
      inferiorArticularRight: iaps[1],
      pedicleLeft: pedicles[0],
      pedicleRight: pedicles[1],
    },
  };
}

/** Unit axis of a pedicle, pointing forward and converging medially (more so low in the lumbar spine). */
export function pedicleAxis(v: VertebraGeometry, side: 1 | -1): Vec3 {
  const convergence = ((isLumbar(v.level) ? 8 + 3 * (v.index - 7) : 5) * Math.PI) / 180;
  return normalize(mulVec(v.frame, [-side * Math.sin(convergence), Math.cos(convergence), 0]));
}

/** Half-length of a pedicle: from the lamina to just inside the posterior body wall. */
export function pedicleHalfLength(v: VertebraGeometry): number {
  return 0.22 * v.halfDepth + 5.5;
}

/**
 * Facet joint directions on one side. Lumbar joints run ~45° to the sagittal plane, from
 * anteromedial to posterolateral, the superior process lying anterolateral to the inferior one;
 * thoracic joints are nearly coronal, the superior process in front.
 */
function facetAxes(v: VertebraGeometry, side: 1 | -1, lumbar: boolean): { along: Vec3; across: Vec3 } {
  const f = (x: number, y: number) => normalize(mulVec(v.frame, [x, y, 0]));
  return lumbar
    ? { along: f(side, -1), across: f(side, 1) }
    : { along: f(side, 0.15), across: f(-0.15 * side, 1) };
}

function superiorArticularCentre(
  v: VertebraGeometry,
  above: VertebraGeometry | null,
  side: 1 | -1,
  lumbar: boolean,
): Vec3 {
  const ref = above ?? v;
  const iapAbove = add(
    ref.center,
    mulVec(ref.frame, [
      side * 0.92 * ref.halfWidth,
      -(ref.halfDepth + 16),
      above ? -(ref.halfHeight - 4) : v.halfHeight + 12,
    ]),
  );
  const across = facetAxes(ref, side, lumbar).across;
  const separation = lumbar ? 9 : 7.5;
  // Sits lower than the inferior process above: the joint overlaps the lower half of it.
  return add(add(iapAbove, scale(across, (separation * v.halfWidth) / 23)), scale(column(v.frame, 2), -6));
}

function tubercle(v: VertebraGeometry, side: 1 | -1, s: number): Vec3 {
  return add(
    v.center,
    mulVec(v.frame, [side * (v.halfWidth + 18 * s), -(v.halfDepth + 21 * s), 0.25 * v.halfHeight]),
  );
}

function transverseProcess(
  v: VertebraGeometry,
  side: 1 | -1,
  lumbar: boolean,
  shell: { cortex: number; density: number },
  s: number,
  at: (x: number, y: number, z: number) => Vec3,
  dir: (x: number, y: number, z: number) => Vec3,
): Primitive[] {
  const { halfWidth: hw, halfDepth: hd, halfHeight: hh } = v;
  const name = `${v.level} transverse process ${sideName(side)}`;
  if (lumbar) {
    // Half an ellipsoid: broadest at its root beside the pedicle, tapering to the tip.
    const length = LUMBAR_TP_LENGTH[v.index - 7] * s;
    const root = at(side * 0.8 * hw, -(hd + 7), 0.1 * hh);
    const l5 = v.level === 'L5';
    const axis = dir(side, -0.1, 0.12);
    const shape: Shape = {
      kind: 'ellipsoid',
      center: root,
      axes: [
        scale(axis, length + 3 * s),
        scale(dir(0, 0, 1), (l5 ? 8 : 5.5) * s),
        scale(dir(0, 1, 0), (l5 ? 5.5 : 3.4) * s),
      ],
      planes: [keepAbove(axis, root)],
    };
    return bone(shape, { ...shell, name });
  }
  // Thoracic: posterolateral, ending at the rib tubercle; T12's is a stub.
  const root = at(side * 0.7 * hw, -(hd + 10), 0.3 * hh);
  const tip =
    v.level === 'T12'
      ? at(side * (hw + 6 * s), -(hd + 16), 0.25 * hh)
      : add(tubercle(v, side, s), dir(0, -1, 0));
  const along = sub(tip, root);
  const axis = normalize(along);
  const up = dir(0, 0, 1);
  const across = normalize(cross(axis, up));
  return bone(
    {
      kind: 'ellipsoid',
      center: scale(add(root, tip), 0.5),
      axes: [scale(axis, norm(along) / 2 + 3), scale(up, 4.5 * s), scale(across, 4 * s)],
    },
    { ...shell, name },
  );
}

function sideName(side: 1 | -1): string {
  return side === 1 ? 'left' : 'right';
}
