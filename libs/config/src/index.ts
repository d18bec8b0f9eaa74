export { loadConfig, ConfigError } from './load-config.js';
export { envSchema, SETTING_NAMES, type EnvSettings } from './env-schema.js';
export type { SpineqcConfig, Mode } from './config.js';
