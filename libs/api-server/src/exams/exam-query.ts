import { CRITERION_IDS } from '@spineqc/qc-standard';
import { viewSchema } from '@spineqc/contracts';
import { z } from 'zod';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const date = z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), 'expected an ISO date');

export const examListQuerySchema = z.object({
  station: z.string().min(1).optional(),
  technologist: z.string().min(1).optional(),
  view: viewSchema.optional(),
  qualified: bool.optional(),
  criterion: z.enum(CRITERION_IDS as [string, ...string[]]).optional(),
  status: z.enum(['received', 'judged', 'failed']).optional(),
  from: date.optional(),
  to: date.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().min(1).optional(),
});

export const statsQuerySchema = z.object({
  period: z.enum(['day', 'week']).default('day'),
  groupBy: z.enum(['technologist', 'station', 'view', 'criterion']).default('station'),
  station: z.string().min(1).optional(),
  technologist: z.string().min(1).optional(),
  view: viewSchema.optional(),
  from: date.optional(),
  to: date.optional(),
});

export const examIdSchema = z.uuid({ message: 'exam id must be a UUID' });
