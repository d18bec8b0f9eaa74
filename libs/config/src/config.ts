import type { EnvSettings } from './env-schema.js';

export type Mode = 'embedded' | 'distributed';

/** The validated configuration every SpineQC process is built from. */
export interface SpineqcConfig {
  mode: Mode;
  dataDir: string;
  http: { host: string; port: number; publicUrl: string; headersTimeoutMs: number; requestTimeoutMs: number };
  /** The dashboard's own server: it serves the pages and forwards /api and /socket.io to `apiUrl`. */
  dashboard: { enabled: boolean; host: string; port: number; apiUrl: string; publicUrl: string };
  webhooks: {
    allowHttpHosts: string[];
    allowPrivateHosts: string[];
    timeoutMs: number;
    maxAttempts: number;
    retryBaseMs: number;
    retryMaxMs: number;
  };
  /** Days after which original images are deleted (verdicts kept); null = never. */
  retention: { imageDays: number | null };
  /** Path of a JSON alert-rules file; null = the built-in rules. */
  alertRulesFile: string | null;
  auth: {
    sessionHours: number;
    cookieSecure: boolean;
    loginAttemptsPer15Min: number;
    ingestPerMinute: number;
  };
  dicom: { enabled: boolean; port: number; aeTitle: string; allowedCallingAeTitles: string[] };
  limits: { maxImageBytes: number };
  database: { url: string };
  storage: { root: string };
  bus: {
    kind: 'in-process' | 'kafka';
    brokers: string[];
    clientId: string;
    partitions: number;
    namespace: string | null;
  };
  privacy: { patientIdKey: string | null };
  inference: {
    modelPath: string | null;
    provider: 'cpu' | 'cuda';
    threads: number | null;
    concurrency: number;
    maxAttempts: number;
    retryBackoffMs: number;
    probePort: number;
    probeHost: string;
  };
  redeliverAfterMs: number;
  shutdownTimeoutMs: number;
  logLevel: EnvSettings['SPINEQC_LOG_LEVEL'];
}
