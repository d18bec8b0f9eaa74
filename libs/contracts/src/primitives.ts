import { VIEWS } from '@spineqc/qc-standard';
import { z } from 'zod';

export const viewSchema = z.enum(VIEWS);
export const ingestSourceSchema = z.enum(['c-store', 'stow-rs', 'upload']);
export type IngestSource = z.infer<typeof ingestSourceSchema>;
export const imageFormatSchema = z.enum(['dicom', 'png', 'jpeg']);
export type ImageFormat = z.infer<typeof imageFormatSchema>;

/** DICOM UI: digits and dots, at most 64 characters (PS3.5 §9.1). */
export const uidSchema = z
  .string()
  .max(64)
  .regex(/^[0-9]+(\.[0-9]+)*$/, 'a DICOM UID is digits separated by dots');

/** Station (DR room) and operator names as the DICOM header gives them; empty when absent. */
export const nameSchema = z.string().max(64);
export const isoDateSchema = z.iso.datetime({ offset: true });
