export * from './anatomy.js';
export * from './criteria.js';
export * from './thresholds.js';
export * from './verdict.js';
export * from './truth.js';
export { CRITERION_STRUCTURES, structuresToHighlight } from './criterion-structures.js';
