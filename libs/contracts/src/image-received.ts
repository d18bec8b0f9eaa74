import { z } from 'zod';
import {
  imageFormatSchema,
  ingestSourceSchema,
  isoDateSchema,
  nameSchema,
  uidSchema,
  viewSchema,
} from './primitives.js';

/** `qc.image.received`: an image was stored and its exam recorded; a worker should judge it. */
export const imageReceivedSchema = z.object({
  examId: z.uuid(),
  sopInstanceUid: uidSchema,
  /** Key of the original bytes in object storage. */
  storageKey: z.string().min(1),
  format: imageFormatSchema,
  station: nameSchema,
  operator: nameSchema,
  /** View named by the sender (upload form); otherwise the header and the image decide. */
  requestedView: viewSchema.nullable(),
  /** mm per pixel named by the sender for files that carry none. */
  pixelSpacingMm: z.number().positive().max(5).nullable(),
  source: ingestSourceSchema,
  receivedAt: isoDateSchema,
});
export type ImageReceived = z.infer<typeof imageReceivedSchema>;
