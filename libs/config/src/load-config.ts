import type { z } from 'zod';
import type { SpineqcConfig } from './config.js';
import { envSchema, SETTING_NAMES, type EnvSettings } from './env-schema.js';

export class ConfigError extends Error {
  readonly code = 'BAD_CONFIG';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the settings (environment variables, overridden by command-line options) and builds the
 * configuration. Throws ConfigError naming every bad key, so a deployment is fixed in one go.
 */
export function loadConfig(
  env: Record<string, string | undefined>,
  overrides: Partial<Record<keyof EnvSettings, string>> = {},
): SpineqcConfig {
  const raw: Record<string, string> = {};
  for (const name of SETTING_NAMES) {
    const value = overrides[name] ?? env[name];
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error, raw));
  const settings = parsed.data;
  const problems = crossCheck(settings);
  if (problems.length) throw new ConfigError(problems);
  return build(settings);
}

function describeIssues(error: z.ZodError, raw: Record<string, string>): string[] {
  return error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '?');
    const got = key in raw ? ` (got ${JSON.stringify(raw[key])})` : '';
    return `${key}: ${issue.message}${got}`;
  });
}

function crossCheck(s: EnvSettings): string[] {
  const problems: string[] = [];
  if (s.SPINEQC_MODE === 'distributed') {
    if (!s.SPINEQC_KAFKA_BROKERS?.length)
      problems.push('SPINEQC_KAFKA_BROKERS: required in distributed mode');
    if (!s.SPINEQC_DATABASE_URL?.startsWith('postgres'))
      problems.push('SPINEQC_DATABASE_URL: distributed mode needs postgresql://…');
    if (!s.SPINEQC_PATIENT_ID_KEY)
      problems.push('SPINEQC_PATIENT_ID_KEY: required in distributed mode (every process must hash alike)');
  }
  return problems;
}

function build(s: EnvSettings): SpineqcConfig {
  const dataDir = s.SPINEQC_DATA_DIR.replace(/\/+$/, '');
  const shownHost = s.SPINEQC_HTTP_HOST === '0.0.0.0' ? 'localhost' : s.SPINEQC_HTTP_HOST;
  const dashboardPublicUrl = (
    s.SPINEQC_DASHBOARD_PUBLIC_URL ?? `http://localhost:${s.SPINEQC_DASHBOARD_PORT}`
  ).replace(/\/+$/, '');
  return {
    mode: s.SPINEQC_MODE,
    dataDir,
    http: {
      host: s.SPINEQC_HTTP_HOST,
      port: s.SPINEQC_HTTP_PORT,
      publicUrl: (s.SPINEQC_PUBLIC_URL ?? `http://${shownHost}:${s.SPINEQC_HTTP_PORT}`).replace(/\/+$/, ''),
      headersTimeoutMs: s.SPINEQC_HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: s.SPINEQC_HTTP_REQUEST_TIMEOUT_MS,
    },
    dashboard: {
      enabled: s.SPINEQC_DASHBOARD_ENABLED,
      host: s.SPINEQC_DASHBOARD_HOST,
      port: s.SPINEQC_DASHBOARD_PORT,
      apiUrl: (s.SPINEQC_DASHBOARD_API_URL ?? `http://127.0.0.1:${s.SPINEQC_HTTP_PORT}`).replace(/\/+$/, ''),
      publicUrl: dashboardPublicUrl,
    },
    auth: {
      sessionHours: s.SPINEQC_SESSION_HOURS,
      cookieSecure: s.SPINEQC_COOKIE_SECURE ?? dashboardPublicUrl.startsWith('https:'),
      loginAttemptsPer15Min: s.SPINEQC_LOGIN_ATTEMPTS_PER_15_MIN,
      ingestPerMinute: s.SPINEQC_INGEST_PER_MINUTE,
    },
    webhooks: {
      allowHttpHosts: s.SPINEQC_WEBHOOK_ALLOW_HTTP_HOSTS,
      allowPrivateHosts: s.SPINEQC_WEBHOOK_ALLOW_PRIVATE_HOSTS,
      timeoutMs: s.SPINEQC_WEBHOOK_TIMEOUT_MS,
      maxAttempts: s.SPINEQC_WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: s.SPINEQC_WEBHOOK_RETRY_BASE_MS,
      retryMaxMs: s.SPINEQC_WEBHOOK_RETRY_MAX_MS,
    },
    alertRulesFile: s.SPINEQC_ALERT_RULES_FILE ?? null,
    retention: { imageDays: s.SPINEQC_RETENTION_DAYS ?? null },
    dicom: {
      enabled: s.SPINEQC_DICOM_ENABLED,
      port: s.SPINEQC_DICOM_PORT,
      aeTitle: s.SPINEQC_DICOM_AE_TITLE,
      allowedCallingAeTitles: s.SPINEQC_DICOM_ALLOWED_CALLING_AE,
    },
    limits: { maxImageBytes: Math.round(s.SPINEQC_MAX_IMAGE_MB * 1024 * 1024) },
    database: { url: s.SPINEQC_DATABASE_URL ?? `pglite://${dataDir}/db` },
    storage: { root: s.SPINEQC_STORAGE_DIR ?? `${dataDir}/originals` },
    bus: {
      kind: s.SPINEQC_KAFKA_BROKERS?.length ? 'kafka' : 'in-process',
      brokers: s.SPINEQC_KAFKA_BROKERS ?? [],
      clientId: s.SPINEQC_KAFKA_CLIENT_ID,
      partitions: s.SPINEQC_BUS_PARTITIONS,
      namespace: s.SPINEQC_BUS_NAMESPACE ?? null,
    },
    privacy: { patientIdKey: s.SPINEQC_PATIENT_ID_KEY ?? null },
    inference: {
      modelPath: s.SPINEQC_MODEL_PATH ?? null,
      provider: s.SPINEQC_INFERENCE_PROVIDER,
      threads: s.SPINEQC_INFERENCE_THREADS ?? null,
      concurrency: s.SPINEQC_INFERENCE_CONCURRENCY,
      maxAttempts: s.SPINEQC_INFERENCE_MAX_ATTEMPTS,
      retryBackoffMs: s.SPINEQC_INFERENCE_RETRY_BACKOFF_MS,
      probePort: s.SPINEQC_WORKER_HTTP_PORT,
      probeHost: s.SPINEQC_WORKER_HTTP_HOST,
    },
    redeliverAfterMs: s.SPINEQC_REDELIVER_AFTER_S * 1000,
    shutdownTimeoutMs: s.SPINEQC_SHUTDOWN_TIMEOUT_S * 1000,
    logLevel: s.SPINEQC_LOG_LEVEL,
  };
}
