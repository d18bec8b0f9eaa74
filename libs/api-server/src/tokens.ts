/** Injection tokens for the adapters the API is composed from (each an interface with two implementations). */
export const CONFIG = Symbol('CONFIG');
export const BUS = Symbol('BUS');
export const STORAGE = Symbol('STORAGE');
export const DATABASE = Symbol('DATABASE');
export const DECODE_POOL = Symbol('DECODE_POOL');
/** Optional readiness probe of an in-process model (embedded mode); absent when workers run elsewhere. */
export const MODEL_PROBE = Symbol('MODEL_PROBE');
/** The alert rules in force (validated at start). */
export const ALERT_RULES = Symbol('ALERT_RULES');
