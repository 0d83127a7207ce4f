import { type Logger, pino } from 'pino';

export type { Logger };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** JSON logs on stderr (stdout carries command output such as replay results). */
export function createLogger(level: LogLevel = 'info', name = 'acpnet-functions'): Logger {
  return pino({ name, level }, pino.destination(2));
}
