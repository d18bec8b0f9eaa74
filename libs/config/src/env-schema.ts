import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const list = z.string().transform((s) =>
  s
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
);
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
/** DICOM AE titles: 1–16 characters of the default repertoire, no backslash (PS3.5 §6.2). */
const aeTitle = z
  .string()
  .trim()
  .regex(/^[\x20-\x5b\x5d-\x7e]{1,16}$/, '1–16 printable ASCII characters, no backslash');

/**
 * Every setting, by the environment variable that sets it. This is the only list of settings:
 * docs and `spineqc serve --help` are derived from it.
 */
export const envSchema = z.object({
  SPINEQC_MODE: z.enum(['embedded', 'distributed']).default('embedded'),
  SPINEQC_DATA_DIR: z.string().min(1).default('./data'),
  SPINEQC_HTTP_HOST: z.string().min(1).default('0.0.0.0'),
  SPINEQC_HTTP_PORT: port.default(8080),
  SPINEQC_DICOM_ENABLED: flag.default(true),
  SPINEQC_DICOM_PORT: port.default(11112),
  SPINEQC_DICOM_AE_TITLE: aeTitle.default('SPINEQC'),
  /** Calling AE titles allowed to store; empty = any (the security issue will tighten this). */
  SPINEQC_DICOM_ALLOWED_CALLING_AE: list.pipe(z.array(aeTitle)).default([]),
  SPINEQC_MAX_IMAGE_MB: z.coerce.number().positive().max(2048).default(64),
  /** postgresql://… or pglite://DIR or pglite://memory; embedded default: pglite://<data dir>/db */
  SPINEQC_DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?|pglite):\/\//, 'postgresql://… or pglite://DIR')
    .optional(),
  /** Where original images are kept; default <data dir>/originals. */
  SPINEQC_STORAGE_DIR: z.string().min(1).optional(),
  SPINEQC_KAFKA_BROKERS: list.pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'host:port'))).optional(),
  SPINEQC_KAFKA_CLIENT_ID: z.string().min(1).default('spineqc'),
  /** Prefix of topic and consumer-group names, so several sites (or test runs) can share one Kafka cluster. */
  SPINEQC_BUS_NAMESPACE: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, ".", "_" or "-"')
    .optional(),
  SPINEQC_BUS_PARTITIONS: positiveInt.max(256).default(6),
  /** Key for the keyed hash (HMAC-SHA256) of PatientID; embedded mode makes one in the data dir. */
  SPINEQC_PATIENT_ID_KEY: z.string().min(16, 'at least 16 characters').optional(),
  SPINEQC_MODEL_PATH: z.string().min(1).optional(),
  SPINEQC_INFERENCE_PROVIDER: z.enum(['cpu', 'cuda']).default('cpu'),
  SPINEQC_INFERENCE_THREADS: positiveInt.max(256).optional(),
  /** Images judged in parallel per worker (partitions consumed concurrently). */
  SPINEQC_INFERENCE_CONCURRENCY: positiveInt.max(64).default(1),
  /** A distributed worker's /healthz and /metrics port. */
  SPINEQC_WORKER_HTTP_PORT: port.default(8081),
  /**
   * Where a worker's probe listens. It has no sign-in (it serves only health and metrics), so by default only this
   * machine can reach it; set 0.0.0.0 to let a monitoring network scrape it.
   */
  SPINEQC_WORKER_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  SPINEQC_INFERENCE_MAX_ATTEMPTS: positiveInt.max(20).default(3),
  SPINEQC_INFERENCE_RETRY_BACKOFF_MS: z.coerce.number().int().min(0).max(60_000).default(500),
  /** With Kafka, exams unjudged for longer than this when the API starts are published again. */
  SPINEQC_REDELIVER_AFTER_S: positiveInt.default(120),
  SPINEQC_SHUTDOWN_TIMEOUT_S: positiveInt.default(30),
  SPINEQC_LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
  SPINEQC_PUBLIC_URL: z.url().optional(),
  /** Hosts (host or host:port) webhooks may reach over plain http, e.g. a receiver on the same machine. */
  SPINEQC_WEBHOOK_ALLOW_HTTP_HOSTS: list.default([]),
  /** Hosts webhooks may reach although they resolve to private or loopback addresses (an explicit allowlist). */
  SPINEQC_WEBHOOK_ALLOW_PRIVATE_HOSTS: list.default([]),
  SPINEQC_WEBHOOK_TIMEOUT_MS: positiveInt.max(120_000).default(10_000),
  /** Attempts per delivery before it is dead-lettered (30 ≈ up to 20 h with the default backoff). */
  SPINEQC_WEBHOOK_MAX_ATTEMPTS: positiveInt.max(200).default(30),
  SPINEQC_WEBHOOK_RETRY_BASE_MS: positiveInt.default(5_000),
  SPINEQC_WEBHOOK_RETRY_MAX_MS: positiveInt.default(3_600_000),
  /**
   * Delete original images (and their renders) of exams received more than this many days ago; the exams, their
   * verdicts and the statistics stay. Unset: keep images for ever.
   */
  SPINEQC_RETENTION_DAYS: positiveInt.max(36_500).optional(),
  /** A JSON file of alert rules (thresholds, windows, cool-downs, version); default the built-in rules. */
  SPINEQC_ALERT_RULES_FILE: z.string().min(1).optional(),
  /** `spineqc serve` also starts the dashboard (room tablets, QA, review) unless this is false. */
  SPINEQC_DASHBOARD_ENABLED: flag.default(true),
  SPINEQC_DASHBOARD_HOST: z.string().min(1).default('0.0.0.0'),
  SPINEQC_DASHBOARD_PORT: port.default(3000),
  /** Where people open the dashboard (links in alerts); default http://localhost:<SPINEQC_DASHBOARD_PORT>. */
  SPINEQC_DASHBOARD_PUBLIC_URL: z.url().optional(),
  /** The API the dashboard server forwards /api and /socket.io to; default the local API (SPINEQC_HTTP_PORT). */
  SPINEQC_DASHBOARD_API_URL: z.url().optional(),
  /** A client must send its request headers within this time (slow-header clients are cut off). */
  SPINEQC_HTTP_HEADERS_TIMEOUT_MS: positiveInt.max(600_000).default(20_000),
  /** A client must send its whole request (headers and body) within this time. */
  SPINEQC_HTTP_REQUEST_TIMEOUT_MS: positiveInt.max(3_600_000).default(300_000),
  /** Hours a dashboard sign-in lasts (absolute, not sliding). */
  SPINEQC_SESSION_HOURS: positiveInt.max(24 * 30).default(12),
  /** Mark the session cookie Secure; default: when SPINEQC_DASHBOARD_PUBLIC_URL is https. */
  SPINEQC_COOKIE_SECURE: flag.optional(),
  /**
   * Sign-in attempts allowed per account name in 15 minutes before 429 (a successful sign-in clears the count);
   * a client address gets 5× as many, successful ones included.
   */
  SPINEQC_LOGIN_ATTEMPTS_PER_15_MIN: positiveInt.max(1000).default(10),
  /** Images one caller (token, or client address) may send per minute over HTTP before 429. */
  SPINEQC_INGEST_PER_MINUTE: positiveInt.max(100_000).default(600),
});

export type EnvSettings = z.infer<typeof envSchema>;
export const SETTING_NAMES = Object.keys(envSchema.shape) as (keyof EnvSettings)[];
