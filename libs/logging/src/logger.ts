/** Structured logger used by every server component. Fields must never carry patient names or IDs. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const LOGGER = Symbol('LOGGER');

const LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LEVELS)[number];

/** One JSON object per line on stderr, which log shippers understand; `component` names the source. */
export function createJsonLogger(
  component: string,
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => void process.stderr.write(line + '\n'),
): Logger {
  const threshold = LEVELS.indexOf(level);
  const log = (lvl: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (LEVELS.indexOf(lvl) > threshold) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, component, message, ...fields }));
  };
  return { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug') };
}

/** For tests and tools that must stay quiet. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
