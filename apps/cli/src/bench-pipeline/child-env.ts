import { environment } from '../config/environment.js';

/**
 * The environment of a server the benchmark starts: this process's, without any SPINEQC_* setting
 * of the caller's shell (which would change what is measured), plus `settings`.
 */
export function childEnv(settings: Record<string, string | undefined>): Record<string, string | undefined> {
  const inherited = Object.entries(environment()).filter(([name]) => !name.startsWith('SPINEQC_'));
  return { ...Object.fromEntries(inherited), SPINEQC_LOG_LEVEL: 'info', ...settings };
}
