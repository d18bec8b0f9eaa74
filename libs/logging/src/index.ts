export { createJsonLogger, silentLogger, LOGGER, type Logger, type LogLevel } from './logger.js';
export { runUntilSignalled } from './run-until-signalled.js';
