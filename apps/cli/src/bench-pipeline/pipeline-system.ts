export type PipelineMode = 'embedded' | 'distributed';

/** A running SpineQC deployment the benchmark sends films to. */
export interface PipelineSystem {
  readonly mode: PipelineMode;
  readonly baseUrl: string;
  /** A token that may read exams and watch live verdicts. */
  readonly token: string;
  readonly dicomHost: string;
  readonly dicomPort: number;
  readonly calledAeTitle: string;
  /** Brings the inference workers to `count` and resolves once they share the work (embedded: 1 only). */
  useWorkers(count: number): Promise<void>;
  /** Its processes now running (for CPU accounting). */
  processes(): { name: string; pid: number }[];
}

export interface SystemOptions {
  /** onnxruntime intra-op threads per inference worker; the deployment default when absent. */
  threads?: number;
  /** Progress lines (stderr). */
  say(line: string): void;
}

/** The SCP's AE title: the deployment default, which the benchmark does not override. */
export const CALLED_AE_TITLE = 'SPINEQC';
export const START_TIMEOUT_MS = 120_000;
