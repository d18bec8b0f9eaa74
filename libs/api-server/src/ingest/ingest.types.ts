import type { IngestSource, View } from '../contracts.js';

/** One image handed to ingest by a receiver (C-STORE SCP, STOW-RS, upload). */
export interface IngestRequest {
  bytes: Uint8Array;
  source: IngestSource;
  /** C-STORE delivers a bare dataset; its transfer syntax comes from the presentation context. */
  transferSyntaxUid?: string;
  callingAeTitle?: string;
  remoteAddress?: string;
  /** Upload form fields; they fill in what a PNG/JPEG cannot carry (and never override DICOM tags). */
  form?: { station?: string; operator?: string; view?: View; pixelSpacingMm?: number };
}

export interface IngestResult {
  examId: string;
  sopInstanceUid: string;
  sopClassUid: string;
  studyInstanceUid?: string;
  seriesInstanceUid?: string;
  /** The SOP instance was received before: nothing new was created or published. */
  duplicate: boolean;
}

export interface Ingestor {
  ingest(request: IngestRequest): Promise<IngestResult>;
}
