import { pino, type Logger } from 'pino';

export type { Logger };

/** Where secrets travel in a logged request; their values never reach a log line. */
export const redaction = {
  paths: ['req.headers.authorization', 'req.headers.cookie', 'req.query.token'],
  censor: '[redacted]',
};

/** JSON logs for machines; readable lines when a person is watching a terminal. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const pretty = process.stdout.isTTY && process.env.NODE_ENV !== 'production';
  return pino({
    level,
    redact: redaction,
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            // A request's line already says method, URL, status and time; its reqId stays.
            options: { ignore: 'pid,hostname,req,res', singleLine: false },
          },
        }
      : {}),
  });
}
