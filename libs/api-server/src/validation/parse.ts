import type { z } from 'zod';
import { ApiError } from '../errors/api-error.js';

/** Validates request input with a shared schema; the 400 names each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
  throw new ApiError('BAD_REQUEST', problems.join('; '));
}
