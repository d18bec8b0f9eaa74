/** Version of the rule code; a verdict records it together with the thresholds version. */
export const RULES_VERSION = '1.0.0';
