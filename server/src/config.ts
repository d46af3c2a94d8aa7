import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { demoEvent } from './demo/event.js';
import { eventConfigSchema, type EventConfig } from './events/event-config.js';
import { defaultLabelsFile, defaultSplits } from './understanding/train.js';
import type { TrainingSettings } from './understanding/trainer.js';

export { eventConfigSchema, type EventConfig, type TopicConfig } from './events/event-config.js';

export const configFileSchema = z
  .strictObject({
    allowPrivateNetworks: z.boolean().default(false),
    events: z.array(eventConfigSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const slugs = file.events.map((e) => e.slug);
    slugs.forEach((slug, i) => {
      if (slugs.indexOf(slug) !== i)
        ctx.addIssue({ code: 'custom', path: ['events', i, 'slug'], message: `Duplicate event "${slug}"` });
    });
  });

export interface Config {
  port: number;
  host: string | undefined;
  databaseUrl: string;
  /** Set from DAYLINE_INGEST_TOKEN; when absent, main.ts makes one and keeps it in the data folder. */
  ingestToken: string | undefined;
  /** Load the demo updates into an empty database and run the live simulator. */
  demo: boolean;
  configPath: string | undefined;
  /**
   * No config file: `events` is the built-in demo event, whose day 1 is twenty days before the
   * database first ran it (demo/start.ts keeps the date the database recorded).
   */
  builtInEvent?: boolean;
  allowPrivateNetworks: boolean;
  events: EventConfig[];
  /** Folder with the built client (index.html); missing means the API runs alone. */
  clientDir: string;
  /** Set: socket.io shares rooms across server processes through Redis. */
  redisUrl: string | undefined;
  /** The Redis stream the nodes of one deployment share; another deployment needs another. */
  redisStream: string;
  /** How long the change log keeps changes for catch-up; older gaps make clients reload. */
  changeLogHours: number;
  /** Origins allowed to call the API from a browser; empty means CORS is off. */
  corsOrigins: string[];
  /**
   * The CSP `frame-ancestors` of a public event's embed (/embed/:slug): `*` (anywhere) by default,
   * the origins of DAYLINE_EMBED_ORIGINS, or `'none'`. Private events are never embedded.
   */
  embedAncestors: string[];
  /** Express `trust proxy`: which proxies' X-Forwarded-For to believe for client addresses. */
  trustProxy: string | number | boolean;
  /** How long a node keeps a claimed feed before another may poll it (if the first died). */
  feedLeaseSeconds: number;
  /**
   * Events with a topic model (the newest training run's, else server/models/SLUG.json) have their
   * topics decided by it (DAYLINE_TOPIC_MODEL, default on); off: the rules' topics only, and writes
   * never load the model. Training runs are not affected (`training`).
   */
  topicModel: boolean;
  /** Set: GET /metrics needs this bearer token (or an admin token) and shows private events by slug. */
  metricsToken?: string | undefined;
  /** Training the events' topic models (understanding/trainer.ts). */
  training: TrainingSettings;
  limits: {
    /** Write requests per minute from one address. */
    writesPerMinute: number;
    /** `subscribe` messages per minute from one socket. */
    subscribesPerMinute: number;
    /** Open sockets from one address; 0 is no cap (whole cities share one address behind carrier NAT). */
    socketsPerAddress: number;
    /**
     * Bytes queued for a socket that is not reading before it is disconnected (it catches up on
     * reconnect); `defaultMaxBufferedKb` when absent.
     */
    maxBufferedBytes?: number;
  };
}

/** A configuration problem, reported as one line per bad field before the server starts. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** 1 MB is a few hundred updates behind: far more than a reader on a slow link ever lags. */
export const defaultMaxBufferedKb = 1024;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z.string().min(1).default('sqlite:./data/dayline.db'),
  DAYLINE_INGEST_TOKEN: z.string().min(16, 'Use at least 16 characters').optional(),
  DAYLINE_DEMO: z.enum(['on', 'off']).optional(),
  DAYLINE_CONFIG: z.string().min(1).optional(),
  DAYLINE_CLIENT_DIR: z.string().min(1).optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'Use redis://HOST:PORT')
    .optional(),
  DAYLINE_REDIS_STREAM: z.string().min(1).max(100).default('dayline'),
  DAYLINE_CHANGELOG_HOURS: z.coerce.number().min(1).max(8760).default(168),
  DAYLINE_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  DAYLINE_EMBED_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim().replace(/\/+$/, ''))
        .filter(Boolean),
    )
    .pipe(
      z.union([
        z.tuple([z.literal('none')]),
        // An origin (a host may start with `*.` for every subdomain), as CSP's frame-ancestors takes it.
        z.array(
          z
            .string()
            .regex(
              /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i,
              'Use origins like https://news.example.com, https://*.example.com, or none',
            ),
        ),
      ]),
    ),
  DAYLINE_TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((v) => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v)),
  DAYLINE_ALLOW_PRIVATE_FEEDS: z.enum(['on', 'off']).optional(),
  DAYLINE_FEED_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  DAYLINE_WRITE_RATE: z.coerce.number().int().min(1).default(600),
  DAYLINE_SUBSCRIBE_RATE: z.coerce.number().int().min(1).default(30),
  DAYLINE_MAX_SOCKETS_PER_IP: z.coerce.number().int().min(0).default(0),
  DAYLINE_METRICS_TOKEN: z.string().min(16, 'Use at least 16 characters').optional(),
  DAYLINE_MAX_BUFFERED_KB: z.coerce.number().int().min(16).default(defaultMaxBufferedKb),
  DAYLINE_TOPIC_MODEL: z.enum(['on', 'off']).default('on'),
  DAYLINE_RETRAIN_AFTER: z.coerce.number().int().min(0).default(50),
  DAYLINE_TRAINING_LABELS: z.string().min(1).optional(),
  DAYLINE_TRAINING_SPLITS: z
    .string()
    .default(defaultSplits.join(','))
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string()).min(1, 'Name at least one split')),
});

/** The environment options, documented in README.md (one table, one place). */
export const envOptions = Object.keys(envSchema.shape);

function formatIssues(error: z.ZodError, where: string): string {
  const lines = error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    const keys = 'keys' in issue && Array.isArray(issue.keys) ? ` (${issue.keys.join(', ')})` : '';
    return `  ${field}: ${issue.message}${keys}`;
  });
  return `Invalid ${where}:\n${lines.join('\n')}`;
}

/** Reads and checks a config file (dayline.yaml, or one of examples/); throws ConfigError. */
export function readConfigFile(file: string): z.output<typeof configFileSchema> {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Cannot read config file ${file}: ${(error as Error).message}`);
  }
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error, `config file ${file}`));
  return parsed.data;
}

const defaultClientDir = fileURLToPath(new URL('../../client/dist', import.meta.url));

/** Reads the environment and the optional YAML file; throws ConfigError naming every bad field. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsedEnv = envSchema.safeParse(env);
  if (!parsedEnv.success) throw new ConfigError(formatIssues(parsedEnv.error, 'environment'));
  const e = parsedEnv.data;

  const defaultPath = path.resolve(cwd, 'dayline.yaml');
  const configPath = e.DAYLINE_CONFIG
    ? path.resolve(cwd, e.DAYLINE_CONFIG)
    : existsSync(defaultPath)
      ? defaultPath
      : undefined;
  if (configPath && !existsSync(configPath))
    throw new ConfigError(`DAYLINE_CONFIG: file not found: ${configPath}`);
  const file = configPath ? readConfigFile(configPath) : undefined;

  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    ingestToken: e.DAYLINE_INGEST_TOKEN,
    demo: e.DAYLINE_DEMO ? e.DAYLINE_DEMO === 'on' : !file,
    configPath,
    // The environment decides when set (without a file that would replace the built-in event).
    allowPrivateNetworks: e.DAYLINE_ALLOW_PRIVATE_FEEDS
      ? e.DAYLINE_ALLOW_PRIVATE_FEEDS === 'on'
      : (file?.allowPrivateNetworks ?? false),
    builtInEvent: !file,
    events: file?.events ?? [eventConfigSchema.parse(demoEvent())],
    clientDir: e.DAYLINE_CLIENT_DIR ? path.resolve(cwd, e.DAYLINE_CLIENT_DIR) : defaultClientDir,
    redisUrl: e.REDIS_URL,
    redisStream: e.DAYLINE_REDIS_STREAM,
    changeLogHours: e.DAYLINE_CHANGELOG_HOURS,
    corsOrigins: e.DAYLINE_CORS_ORIGINS,
    embedAncestors:
      e.DAYLINE_EMBED_ORIGINS[0] === 'none'
        ? ["'none'"]
        : e.DAYLINE_EMBED_ORIGINS.length > 0
          ? e.DAYLINE_EMBED_ORIGINS
          : ['*'],
    trustProxy: e.DAYLINE_TRUST_PROXY,
    feedLeaseSeconds: e.DAYLINE_FEED_LEASE_SECONDS,
    metricsToken: e.DAYLINE_METRICS_TOKEN,
    topicModel: e.DAYLINE_TOPIC_MODEL === 'on',
    training: {
      retrainAfter: e.DAYLINE_RETRAIN_AFTER,
      labels:
        e.DAYLINE_TRAINING_LABELS === 'none'
          ? undefined
          : e.DAYLINE_TRAINING_LABELS
            ? path.resolve(cwd, e.DAYLINE_TRAINING_LABELS)
            : defaultLabelsFile,
      splits: e.DAYLINE_TRAINING_SPLITS,
    },
    limits: {
      writesPerMinute: e.DAYLINE_WRITE_RATE,
      subscribesPerMinute: e.DAYLINE_SUBSCRIBE_RATE,
      socketsPerAddress: e.DAYLINE_MAX_SOCKETS_PER_IP,
      maxBufferedBytes: e.DAYLINE_MAX_BUFFERED_KB * 1024,
    },
  };
}
