/** Why alert rules refused their configuration or input; callers branch on `code`, people read `message`. */
export type AlertRulesErrorCode = 'INVALID_CONFIG' | 'INVALID_INPUT';

/** `problems` lists every offending key, one entry each ("rules.unqualified-rate.threshold: …"). */
export class AlertRulesError extends Error {
  override readonly name = 'AlertRulesError';

  constructor(
    readonly code: AlertRulesErrorCode,
    readonly problems: readonly string[],
  ) {
    super(
      `${code === 'INVALID_CONFIG' ? 'invalid alert rules configuration' : 'invalid alert input'}: ${problems.join('; ')}`,
    );
  }
}
