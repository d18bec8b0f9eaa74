/** One C-STORE to perform, sent to the SCU thread. */
export interface StoreOrder {
  id: number;
  /** A DICOM Part 10 file. */
  bytes: Uint8Array;
  host: string;
  port: number;
  callingAeTitle: string;
  calledAeTitle: string;
}

/** Times are epoch milliseconds (see clock.ts). */
export type StoreReport =
  | { id: number; ok: true; startedAt: number; completedAt: number }
  | { id: number; ok: false; message: string };
