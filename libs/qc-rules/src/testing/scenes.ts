// Test helpers only (excluded from the build): whole films of each view, drawn as simple shapes.
import type {
  CriterionId,
  CriterionResult,
  ExposureTags,
  Level,
  RulesInput,
  Verdict,
  View,
} from '@spineqc/qc-standard';
import { fillEllipse, fillRect, spineScene, type Rect, type SceneOptions, type SpineScene } from './draw.js';

export const LUMBAR: Level[] = ['L1', 'L2', 'L3', 'L4', 'L5'];

export interface ApOptions extends SceneOptions {
  /** Spinous process centroid across each lumbar body (0 = left edge, 1 = right edge); default 0.5. */
  spinousFraction?: number | ((level: Level) => number | null);
}

/** AP: bodies, one spinous process per lumbar body in its lower half, pelvis below L5. */
export function apScene(o: ApOptions = {}): SpineScene {
  const scene = spineScene(o);
  const { set, bodies } = scene;
  for (const level of LUMBAR) {
    const body = bodies[level];
    const f = typeof o.spinousFraction === 'function' ? o.spinousFraction(level) : (o.spinousFraction ?? 0.5);
    if (!body || f === null) continue;
    fillEllipse(set, set.masks['spinous-process'], edgeAt(body, f), body.y + body.h - 7, 4.5, 5);
  }
  drawPelvis(scene);
  return scene;
}

export interface ObliqueOptions extends SceneOptions {
  /** Dog-side process position from the posterior edge, as a fraction of body width; default 0.3. */
  dogFraction?: number;
  /** Levels that get articular processes; default L1–L5. */
  levels?: Level[];
}

/** Oblique with the posterior elements to the image right: two inferior articular processes per lumbar body. */
export function obliqueScene(o: ObliqueOptions = {}): SpineScene {
  const scene = spineScene(o);
  const { set, bodies } = scene;
  const f = o.dogFraction ?? 0.3;
  for (const level of o.levels ?? LUMBAR) {
    const body = bodies[level];
    if (!body) continue;
    const row = body.y + body.h - 6;
    fillEllipse(set, set.masks['inferior-articular-process'], edgeAt(body, 1 - f), row, 2.5, 3);
    // The partner process projects behind the body, beyond its posterior edge.
    fillEllipse(set, set.masks['inferior-articular-process'], body.x + body.w + 11.5, row, 2.5, 3);
  }
  drawPelvis(scene);
  return scene;
}

/** Lateral: bodies, spinous processes behind them (image right), foramina between levels, sacrum below. */
export function lateralScene(o: SceneOptions & { foramina?: number } = {}): SpineScene {
  const scene = spineScene(o);
  const { set, bodies } = scene;
  const drawn = LUMBAR.map((l) => bodies[l]).filter((b): b is Rect => Boolean(b));
  drawn.forEach((body, i) => {
    fillEllipse(set, set.masks['spinous-process'], body.x + body.w + 20, body.y + body.h / 2, 6, 4);
    if (i < (o.foramina ?? 5))
      fillEllipse(set, set.masks['intervertebral-foramen'], body.x + body.w + 6, body.y + body.h, 5, 7);
  });
  const last = drawn[drawn.length - 1];
  if (last) fillRect(set, set.masks.sacrum, { x: last.x - 5, y: last.y + last.h + 6, w: 40, h: 15 });
  return scene;
}

export function sceneFor(view: View, o: SceneOptions = {}): SpineScene {
  return view === 'ap' ? apScene(o) : view === 'lateral' ? lateralScene(o) : obliqueScene(o);
}

export function input(
  view: View,
  scene: SpineScene,
  exposure?: ExposureTags,
  spacing: [number, number] = [1, 1],
): RulesInput {
  return { view, pixelSpacingMm: spacing, masks: scene.set, exposure };
}

export function criterion(verdict: Verdict, id: CriterionId): CriterionResult {
  const found = verdict.criteria.find((c) => c.id === id);
  if (!found) throw new Error(`criterion ${id} not in the verdict`);
  return found;
}

/** Column (pixel-centre coordinates) at fraction f across the body's pixel-boundary span. */
export function edgeAt(body: Rect, f: number): number {
  return body.x - 0.5 + f * body.w;
}

function drawPelvis({ set, bodies }: SpineScene): void {
  const l5 = bodies.L5;
  if (!l5) return;
  fillRect(set, set.masks.pelvis, { x: l5.x - 40, y: l5.y + l5.h + 4, w: 120, h: 20 });
}
