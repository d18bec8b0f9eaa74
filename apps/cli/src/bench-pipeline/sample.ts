import type { SeenVerdict } from './live-tablet.js';
import type { StoreReceipt } from './store-sender.js';

/** One film's trip: sent, stored (C-STORE response at the SCU), verdict seen by the tablet. */
export interface Sample {
  sopInstanceUid: string;
  receipt: StoreReceipt;
  seen: SeenVerdict;
}

/** The figure the issue asks for: C-STORE completion at the sender → verdict event at the tablet. */
export function latencyMs(sample: Sample): number {
  return sample.seen.arrivedAt - sample.receipt.completedAt;
}
