import {
  CRITERION_IDS,
  DEFAULT_THRESHOLDS,
  type CriterionId,
  type PassRange,
  type QcThresholds,
} from '@spineqc/qc-standard';
import { QcRulesError } from './errors.js';

import type { SizedStructure } from './film.js';
const SIZED = Object.keys(DEFAULT_THRESHOLDS.minComponentAreaCm2) as SizedStructure[];
const TOP_KEYS = [
  'version',
  'ranges',
  'minVisibleFractionToCount',
  'minComponentAreaCm2',
  'fieldTop',
  'fieldBottom',
];

/**
 * Validates a site configuration: partial overrides merged onto DEFAULT_THRESHOLDS. In JSON an
 * open range end is written null (`[4, null]` = at least 4). Since a verdict records only the
 * version, changed numbers need a version of their own. Throws QcRulesError naming every bad key.
 */
export function parseThresholds(json: unknown): QcThresholds {
  if (json === undefined) return copy(DEFAULT_THRESHOLDS);
  if (!isRecord(json)) throw new QcRulesError('INVALID_THRESHOLDS', ['(root): must be an object']);
  const problems: string[] = [];
  const result = copy(DEFAULT_THRESHOLDS);

  for (const key of Object.keys(json)) if (!TOP_KEYS.includes(key)) problems.push(`${key}: unknown key`);

  if ('version' in json) {
    if (typeof json.version === 'string' && json.version.trim()) result.version = json.version;
    else problems.push('version: must be a non-empty string');
  }
  if ('ranges' in json) parseRanges(json.ranges, result, problems);
  if ('minVisibleFractionToCount' in json) {
    const v = json.minVisibleFractionToCount;
    if (typeof v === 'number' && v > 0 && v <= 1) result.minVisibleFractionToCount = v;
    else problems.push('minVisibleFractionToCount: must be a number in (0, 1]');
  }
  if ('minComponentAreaCm2' in json) parseMinAreas(json.minComponentAreaCm2, result, problems);
  if ('fieldTop' in json && json.fieldTop !== DEFAULT_THRESHOLDS.fieldTop)
    problems.push(`fieldTop: must be '${DEFAULT_THRESHOLDS.fieldTop}'`);
  if ('fieldBottom' in json && json.fieldBottom !== DEFAULT_THRESHOLDS.fieldBottom)
    problems.push(`fieldBottom: must be '${DEFAULT_THRESHOLDS.fieldBottom}'`);

  if (
    !problems.length &&
    result.version === DEFAULT_THRESHOLDS.version &&
    !sameNumbers(result, DEFAULT_THRESHOLDS)
  )
    problems.push(`version: changed thresholds need a version other than '${DEFAULT_THRESHOLDS.version}'`);
  if (problems.length) throw new QcRulesError('INVALID_THRESHOLDS', problems);
  return result;
}

function parseRanges(value: unknown, result: QcThresholds, problems: string[]): void {
  if (!isRecord(value)) {
    problems.push('ranges: must be an object of criterion id → [min, max]');
    return;
  }
  for (const [id, raw] of Object.entries(value)) {
    if (!(CRITERION_IDS as string[]).includes(id)) {
      problems.push(`ranges.${id}: unknown criterion`);
      continue;
    }
    const range = parseRange(raw);
    if (range) result.ranges[id as CriterionId] = range;
    else problems.push(`ranges.${id}: must be [min, max] with min ≤ max (null for an open end)`);
  }
}

function parseRange(raw: unknown): PassRange | null {
  if (!Array.isArray(raw) || raw.length !== 2) return null;
  const ends = raw.map((end, i) => (end === null ? (i === 0 ? -Infinity : Infinity) : end));
  if (!ends.every((e) => typeof e === 'number' && !Number.isNaN(e))) return null;
  const [lo, hi] = ends as number[];
  return lo <= hi ? [lo, hi] : null;
}

function parseMinAreas(value: unknown, result: QcThresholds, problems: string[]): void {
  if (!isRecord(value)) {
    problems.push('minComponentAreaCm2: must be an object of structure → cm²');
    return;
  }
  for (const [key, area] of Object.entries(value)) {
    if (!(SIZED as string[]).includes(key)) problems.push(`minComponentAreaCm2.${key}: unknown structure`);
    else if (typeof area === 'number' && Number.isFinite(area) && area >= 0)
      result.minComponentAreaCm2[key as SizedStructure] = area;
    else problems.push(`minComponentAreaCm2.${key}: must be a number ≥ 0`);
  }
}

function sameNumbers(a: QcThresholds, b: QcThresholds): boolean {
  const { version: _a, ...restA } = a;
  const { version: _b, ...restB } = b;
  // JSON drops Infinity, so compare ranges end by end.
  const rangesEqual = CRITERION_IDS.every(
    (id) => a.ranges[id][0] === b.ranges[id][0] && a.ranges[id][1] === b.ranges[id][1],
  );
  const { ranges: _ra, ...scalarsA } = restA;
  const { ranges: _rb, ...scalarsB } = restB;
  return rangesEqual && JSON.stringify(scalarsA) === JSON.stringify(scalarsB);
}

function copy(t: QcThresholds): QcThresholds {
  return {
    ...t,
    ranges: Object.fromEntries(
      CRITERION_IDS.map((id) => [id, [...t.ranges[id]] as PassRange]),
    ) as QcThresholds['ranges'],
    minComponentAreaCm2: { ...t.minComponentAreaCm2 },
  };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
