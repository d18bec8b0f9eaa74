import type { SpineqcConfig } from '@spineqc/config';
import type { TargetPolicy } from '@spineqc/webhooks';

/** Where webhooks may go: https to public addresses, plus the hosts the operator allowlisted. */
export function targetPolicy(config: SpineqcConfig): TargetPolicy {
  return {
    allowHttpHosts: config.webhooks.allowHttpHosts,
    allowPrivateHosts: config.webhooks.allowPrivateHosts,
  };
}
