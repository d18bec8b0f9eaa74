import { examListQuerySchema } from '../exams/exam-query.js';

/** `GET /api/feedback/disputed`: the exam filters of the history list, with its paging. */
export const disputedQuerySchema = examListQuerySchema.pick({
  station: true,
  technologist: true,
  view: true,
  from: true,
  to: true,
  limit: true,
  cursor: true,
});

/** `GET /api/feedback/agreement`: the exam filters `/api/stats` takes. */
export const agreementQuerySchema = examListQuerySchema.pick({
  station: true,
  technologist: true,
  view: true,
  from: true,
  to: true,
});
