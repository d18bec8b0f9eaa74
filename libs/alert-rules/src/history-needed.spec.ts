import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from './config.js';
import { historyNeeded } from './history-needed.js';
import { onlyRules } from './testing/exams.js';

describe('historyNeeded', () => {
  it('asks for the largest window of each subject and the rate period', () => {
    expect(historyNeeded(DEFAULT_ALERT_RULES)).toEqual({ perTechnologist: 5, perStation: 5, days: 7 });
  });

  it('follows the parameters of the enabled rules only', () => {
    const config = onlyRules('criterion-repeated-in-room', 'technologist-unqualified-streak');
    config.rules['criterion-repeated-in-room'].count = 8;
    config.rules['technologist-unqualified-streak'].window = 10;
    expect(historyNeeded(config)).toEqual({ perTechnologist: 10, perStation: 8, days: 0 });
    expect(historyNeeded(onlyRules('unqualified-rate'))).toEqual({
      perTechnologist: 0,
      perStation: 0,
      days: 7,
    });
    expect(historyNeeded(onlyRules())).toEqual({ perTechnologist: 0, perStation: 0, days: 0 });
  });
});
