import { viewSchema } from '@spineqc/contracts';
import { WEBHOOK_EVENT_TYPES } from '@spineqc/database';
import { z } from 'zod';

const eventTypes = z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, 'name at least one event type');
const filter = z.string().trim().min(1).max(64).nullable().optional();

export const createSubscriptionSchema = z.object({
  url: z.string().trim().min(1).max(2048),
  eventTypes,
  station: filter,
  technologist: filter,
  view: viewSchema.nullable().optional(),
  description: z.string().trim().max(200).optional(),
  active: z.boolean().optional(),
});

export const updateSubscriptionSchema = createSubscriptionSchema.partial();

export const deliveriesQuerySchema = z.object({
  subscriptionId: z.string().min(1).optional(),
  alertId: z.string().min(1).optional(),
  examId: z.string().min(1).optional(),
  status: z.enum(['pending', 'delivered', 'dead']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().min(1).optional(),
});

export const alertsQuerySchema = z.object({
  subjectKind: z.enum(['station', 'technologist']).optional(),
  subject: z.string().min(1).optional(),
  ruleKind: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().min(1).optional(),
});
