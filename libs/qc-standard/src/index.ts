export * from './anatomy.js';
export * from './criteria.js';
export * from './thresholds.js';
export * from './verdict.js';
export * from './truth.js';
export { CRITERION_STRUCTURES, structuresToHighlight } from './criterion-structures.js';
export { STRUCTURE_COLOURS, STRUCTURE_DRAW_ORDER, type Rgb } from './structure-palette.js';
