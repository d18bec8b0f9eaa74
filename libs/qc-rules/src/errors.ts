export type QcRulesErrorCode = 'INVALID_INPUT' | 'INVALID_THRESHOLDS';

/** Bad input or configuration; `problems` lists every offending key, one entry each. */
export class QcRulesError extends Error {
  override readonly name = 'QcRulesError';

  constructor(
    readonly code: QcRulesErrorCode,
    readonly problems: readonly string[],
  ) {
    super(
      `${code === 'INVALID_INPUT' ? 'invalid rules input' : 'invalid thresholds'}: ${problems.join('; ')}`,
    );
  }
}
