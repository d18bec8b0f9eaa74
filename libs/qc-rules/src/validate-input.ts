import { isView, LEVELS, STRUCTURES, type RulesInput } from '@spineqc/qc-standard';
import { QcRulesError } from './errors.js';
import type { Scale } from './scale.js';

/** Checks the shape of the input and returns the pixel scale; throws QcRulesError naming every problem. */
export function validateInput(input: RulesInput): Scale {
  const problems: string[] = [];
  if (!input || typeof input !== 'object')
    throw new QcRulesError('INVALID_INPUT', ['input: must be an object']);
  if (typeof input.view !== 'string' || !isView(input.view))
    problems.push(`view: must be ap, lateral or oblique (got ${String(input.view)})`);

  const spacing = input.pixelSpacingMm;
  const spacingOk =
    Array.isArray(spacing) &&
    spacing.length === 2 &&
    spacing.every((s) => typeof s === 'number' && Number.isFinite(s) && s > 0);
  if (!spacingOk)
    problems.push(`pixelSpacingMm: must be [row, column] in mm, both > 0 (got ${JSON.stringify(spacing)})`);

  const masks = input.masks;
  if (!masks || typeof masks !== 'object') {
    problems.push('masks: missing');
    throw new QcRulesError('INVALID_INPUT', problems);
  }
  const { width, height } = masks;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    problems.push(
      `masks: width and height must be positive integers (got ${String(width)}×${String(height)})`,
    );
    throw new QcRulesError('INVALID_INPUT', problems);
  }
  const size = width * height;
  const checkArray = (name: string, data: unknown) => {
    if (!(data instanceof Uint8Array)) problems.push(`${name}: missing or not a Uint8Array`);
    else if (data.length !== size)
      problems.push(`${name}: length ${data.length} ≠ width×height ${width}×${height} = ${size}`);
  };
  checkArray('masks.levels', masks.levels);
  for (const structure of STRUCTURES) checkArray(`masks.masks.${structure}`, masks.masks?.[structure]);
  if (masks.levels instanceof Uint8Array) {
    const maxCode = masks.levels.reduce((m, v) => (v > m ? v : m), 0);
    if (maxCode > LEVELS.length)
      problems.push(`masks.levels: code ${maxCode} is not a level (0–${LEVELS.length})`);
  }
  if (problems.length) throw new QcRulesError('INVALID_INPUT', problems);
  return { rowMm: spacing[0], colMm: spacing[1] };
}
