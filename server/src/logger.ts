import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs for machines; readable lines when a person is watching a terminal. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const pretty = process.stdout.isTTY && process.env.NODE_ENV !== 'production';
  return pino({
    level,
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname', singleLine: false } } }
      : {}),
  });
}
