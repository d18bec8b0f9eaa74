import { CRITERION_IDS, LEVELS } from '@spineqc/qc-standard';
import { z } from 'zod';
import { isoDateSchema, nameSchema, uidSchema, viewSchema } from './primitives.js';

const criterionIdSchema = z.enum(CRITERION_IDS as [string, ...string[]]);

export const criterionOutcomeSchema = z.object({
  id: criterionIdSchema,
  label: z.string(),
  passed: z.boolean().nullable(),
  value: z.number().nullable(),
  /** Pass range; null is an open end (JSON has no Infinity). */
  range: z.tuple([z.number().nullable(), z.number().nullable()]),
  unit: z.string(),
  message: z.string(),
  correction: z.string().optional(),
});
export type CriterionOutcome = z.infer<typeof criterionOutcomeSchema>;

export const bboxSchema = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

export const vertebraSchema = z.object({
  level: z.enum(LEVELS),
  bbox: bboxSchema,
  counted: z.boolean(),
});

const commonFields = {
  examId: z.uuid(),
  sopInstanceUid: uidSchema,
  station: nameSchema,
  operator: nameSchema,
  receivedAt: isoDateSchema,
  judgedAt: isoDateSchema,
  /** Which worker judged it (host and pid), for tracing a bad verdict to a deployment. */
  worker: z.string(),
  attempts: z.number().int().positive(),
};

/** The image was judged: qualified, unqualified, or not assessable with a reason. */
export const judgedVerdictSchema = z.object({
  ...commonFields,
  status: z.literal('judged'),
  view: viewSchema,
  viewSource: z.enum(['user', 'dicom', 'model']),
  qualified: z.boolean(),
  notAssessable: z.boolean(),
  reason: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  criteria: z.array(criterionOutcomeSchema),
  vertebrae: z.array(vertebraSchema),
  pixelSpacingMm: z.tuple([z.number(), z.number()]),
  pixelSpacingSource: z.string(),
  modelVersion: z.string(),
  rulesVersion: z.string(),
  timingsMs: z.record(z.string(), z.number()),
});

/** The image could not be judged (unreadable, or retries exhausted): the exam shows "failed". */
export const failedVerdictSchema = z.object({
  ...commonFields,
  status: z.literal('failed'),
  errorCode: z.string(),
  reason: z.string(),
});

/** `qc.verdict` */
export const verdictMessageSchema = z.discriminatedUnion('status', [
  judgedVerdictSchema,
  failedVerdictSchema,
]);
export type VerdictMessage = z.infer<typeof verdictMessageSchema>;
export type JudgedVerdict = z.infer<typeof judgedVerdictSchema>;
export type FailedVerdict = z.infer<typeof failedVerdictSchema>;
