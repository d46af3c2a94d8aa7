import { pino, type Logger } from 'pino';

export type { Logger };

/** Where secrets travel in a logged request; their values never reach a log line. */
export const redaction = {
  paths: ['req.headers.authorization', 'req.headers.cookie', 'req.query.token'],
  censor: '[redacted]',
};

/**
 * JSON logs for machines; readable lines when a person is watching a terminal.
 *
 * JSON lines go to standard output asynchronously: a line is handed to the OS without waiting, and
 * lines written meanwhile go out together. A synchronous write per request held the event loop
 * whenever the pipe to the log collector was slow (0.4 ms a line in `bench/ingest.mjs`). pino
 * flushes what is left when the process exits, crashes included.
 */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const pretty = process.stdout.isTTY && process.env.NODE_ENV !== 'production';
  const options = { level, redact: redaction };
  if (pretty) {
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        // A request's line already says method, URL, status and time; its reqId stays.
        options: { ignore: 'pid,hostname,req,res', singleLine: false },
      },
    });
  }
  return pino(options, pino.destination({ dest: 1, sync: false }));
}
