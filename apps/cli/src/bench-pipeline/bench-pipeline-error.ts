export type BenchPipelineErrorCode =
  | 'SERVICE_MISSING'
  | 'NOT_BUILT'
  | 'NOT_PART10'
  | 'START_TIMEOUT'
  | 'EXITED'
  | 'STORE_FAILED'
  | 'VERDICT_TIMEOUT'
  | 'TABLET_FAILED'
  | 'API_ERROR'
  | 'UNSUPPORTED';

/** Why the pipeline benchmark could not produce its figures; `code` for callers, `message` for people. */
export class BenchPipelineError extends Error {
  override readonly name = 'BenchPipelineError';

  constructor(
    readonly code: BenchPipelineErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
