export { evaluate, notAssessableVerdict } from './verdict.js';
export { parseThresholds } from './thresholds.js';
export { QcRulesError, type QcRulesErrorCode } from './errors.js';
export { RULES_VERSION } from './version.js';
