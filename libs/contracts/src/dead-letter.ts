import { z } from 'zod';
import { imageReceivedSchema } from './image-received.js';
import { isoDateSchema } from './primitives.js';

/** `qc.image.dead-letter`: a message no worker could handle, kept with the reason for an operator. */
export const deadLetterSchema = z.object({
  topic: z.string(),
  key: z.string(),
  /** The message as received, when it was valid JSON; otherwise its text. */
  payload: z.union([imageReceivedSchema, z.unknown()]),
  errorCode: z.string(),
  reason: z.string(),
  attempts: z.number().int().nonnegative(),
  failedAt: isoDateSchema,
  worker: z.string(),
});
export type DeadLetter = z.infer<typeof deadLetterSchema>;
