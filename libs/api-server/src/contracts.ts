// Re-exported so files inside the API import shared types from one place.
export type { ImageFormat, IngestSource } from '@spineqc/contracts';
export type { View } from '@spineqc/qc-standard';
