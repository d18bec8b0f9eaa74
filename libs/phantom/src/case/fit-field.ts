import { isLumbar, LEVELS, type Level } from '@spineqc/qc-standard';
import type { Anatomy } from '../anatomy/types.js';
import { isocentreMagnification, projectionOf } from '../acquisition/geometry.js';
import type { AcquisitionSpec } from '../acquisition/types.js';
import type { Rng } from '../random.js';
import { projectVertebra, type ProjectedVertebra } from '../truth/vertebra-projection.js';
import type { FilmIntent } from './plan.js';

/**
 * Collimates like a radiographer: the top edge is set relative to the intended top vertebra (T11 on
 * a good film; T8–T10 when the field is too large; T12/L1 when too small) and the bottom edge
 * relative to L5, then the central ray is placed in the middle. Edges fall in the disc space or at
 * most 30 % into a neighbouring body, so whether a body is "in the field" is never a coin toss.
 */
export function fitField(
  rng: Rng,
  anatomy: Anatomy,
  spec: AcquisitionSpec,
  intent: FilmIntent,
): AcquisitionSpec {
  const has = (d: FilmIntent['defects'][number]) => intent.defects.includes(d);
  const cutAtBottom = has('field-too-small') && rng.bool(0.4);
  const topLevel: Level = has('field-too-large')
    ? rng.pick(['T8', 'T9', 'T9', 'T10', 'T10'] as const)
    : has('field-too-small') && !cutAtBottom
      ? rng.pick(['T12', 'T12', 'L1'] as const)
      : 'T11';
  const topFraction = rng.uniform(-0.3, has('field-too-large') ? 0.3 : 0.1);
  const bottomMarginMm = has('field-too-large')
    ? rng.uniform(60, 130)
    : intent.view === 'ap'
      ? rng.uniform(35, 80)
      : rng.uniform(30, 70);
  const l5CutFraction = rng.uniform(0.05, 0.3);
  const maxHeight = 430;
  const maxWidth = spec.detector === '35x43' ? 350 : 430;
  const widthWanted =
    intent.view === 'ap'
      ? rng.uniform(170, 230)
      : intent.view === 'lateral'
        ? rng.uniform(150, 200)
        : rng.uniform(160, 210);
  const lateralError = rng.truncatedNormal(0, 5, -12, 12);

  let current: AcquisitionSpec = { ...spec, fieldWidthMm: maxWidth, fieldHeightMm: maxHeight };
  for (let iteration = 0; iteration < 3; iteration++) {
    const p = projectionOf(current);
    const ps = current.pixelSpacingMm;
    const bodies = new Map(anatomy.vertebrae.map((v) => [v.level, projectVertebra(p, v)]));
    const at = (level: Level) => bodies.get(level)!;
    const height = (v: ProjectedVertebra) => v.bottom - v.top;
    const top = at(topLevel);
    const above = at(LEVELS[LEVELS.indexOf(topLevel) - 1] ?? topLevel);
    // topFraction < 0: edge inside the body above (≤ 30 % of it shows); > 0: cuts into the top body.
    const topEdge =
      topFraction < 0 ? above.bottom + topFraction * height(above) : top.top + topFraction * height(top);
    const l5 = at('L5');
    const bottomEdge = cutAtBottom ? l5.top + l5CutFraction * height(l5) : l5.bottom + bottomMarginMm / ps;
    const centreRow = (p.height - 1) / 2;
    const m = isocentreMagnification(current);
    const midOffsetMm = ((topEdge + bottomEdge) / 2 - centreRow) * ps;
    const fieldHeightMm = Math.min(maxHeight, (bottomEdge - topEdge) * ps);

    const fieldBodies = anatomy.vertebrae.filter(
      (v) => isLumbar(v.level) || v.level === 'T11' || v.level === 'T12',
    );
    const cols = fieldBodies.map((v) => at(v.level)).flatMap((v) => [v.left, v.right]);
    const midCol = (Math.min(...cols) + Math.max(...cols)) / 2;
    const halfSpanMm = ((Math.max(...cols) - Math.min(...cols)) / 2) * ps;
    const centreCol = (p.width - 1) / 2;
    const lateralSign = current.view === 'lateral' ? -1 : 1;
    const midColOffsetMm = (midCol - centreCol) * ps * lateralSign;

    current = {
      ...current,
      centringCranialMm: current.centringCranialMm - midOffsetMm / m,
      centringLateralMm:
        current.centringLateralMm + midColOffsetMm / m + (iteration === 0 ? lateralError : 0),
      fieldHeightMm,
      fieldWidthMm: Math.min(maxWidth, Math.max(widthWanted, 2 * (halfSpanMm + 30))),
    };
  }
  return current;
}
