import {
  isLumbar,
  type ExposureTags,
  type MaskSet,
  type QcThresholds,
  type Structure,
  type View,
} from '@spineqc/qc-standard';
import { labelComponents, type Component } from './components.js';
import { minAreaPx, type Scale } from './scale.js';
import { findVertebrae, type Body } from './vertebrae.js';

/** Everything the criteria measure on, computed once per image. */
export interface Film {
  view: View;
  width: number;
  height: number;
  scale: Scale;
  masks: MaskSet;
  exposure: ExposureTags | undefined;
  thresholds: QcThresholds;
  /** Every body found, top to bottom. */
  bodies: Body[];
  /** Bodies that count toward the field, top to bottom. */
  counted: Body[];
  /** Counted lumbar bodies (L1–L5), top to bottom. */
  lumbar: Body[];
  /** 8-connected components of a structure's mask (all sizes), labelled once on first use. */
  componentsOf(structure: Structure): Component[];
}

export type SizedStructure = keyof QcThresholds['minComponentAreaCm2'];

export function makeFilm(
  view: View,
  masks: MaskSet,
  scale: Scale,
  exposure: ExposureTags | undefined,
  thresholds: QcThresholds,
): Film {
  const bodies = findVertebrae(
    masks.levels,
    masks.width,
    masks.height,
    scale,
    thresholds.minVisibleFractionToCount,
  );
  const counted = bodies.filter((b) => b.counted);
  const cache = new Map<Structure, Component[]>();
  return {
    view,
    width: masks.width,
    height: masks.height,
    scale,
    masks,
    exposure,
    thresholds,
    bodies,
    counted,
    lumbar: counted.filter((b) => isLumbar(b.level)),
    componentsOf(structure) {
      let found = cache.get(structure);
      if (!found) {
        found = labelComponents(masks.masks[structure], masks.width, masks.height, 'binary');
        cache.set(structure, found);
      }
      return found;
    },
  };
}

/** Components of a structure at least its configured minimum area: smaller ones are noise. */
export function significantComponents(film: Film, structure: SizedStructure): Component[] {
  const minPx = minAreaPx(film.thresholds.minComponentAreaCm2[structure], film.scale);
  return film.componentsOf(structure).filter((c) => c.area >= minPx);
}
