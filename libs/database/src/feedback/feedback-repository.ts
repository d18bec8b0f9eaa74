import type { PrismaClient } from '../generated/prisma/client.js';
import { isUuid } from '../exams/uuid.js';
import { addFeedback } from './add-feedback.js';
import { agreement } from './agreement.js';
import { listDisputed } from './list-disputed.js';
import { newestFirst, toFeedback } from './mappers.js';
import type {
  AgreementRow,
  DisputedPage,
  DisputedQuery,
  FeedbackFilter,
  FeedbackInput,
  FeedbackRecord,
} from './types.js';

/** Reviewers' agreement with verdicts: the room tablet's agree / disagree and the review page's. */
export interface FeedbackRepository {
  /** Throws EXAM_NOT_FOUND for an unknown exam, BAD_QUERY naming the field for bad input. */
  add(input: FeedbackInput): Promise<FeedbackRecord>;
  /** Newest first; [] for an unknown exam. */
  listForExam(examId: string): Promise<FeedbackRecord[]>;
  /** Exams whose latest feedback disagrees, newest exam first; BAD_CURSOR / BAD_QUERY for a bad cursor or limit. */
  listDisputed(query?: DisputedQuery): Promise<DisputedPage>;
  /** One row per criterion (and '' for qualified verdicts) that has feedback. */
  agreement(filter?: FeedbackFilter): Promise<AgreementRow[]>;
}

export function createFeedbackRepository(prisma: PrismaClient): FeedbackRepository {
  return {
    add: (input) => addFeedback(prisma, input),
    async listForExam(examId) {
      if (!isUuid(examId)) return [];
      const rows = await prisma.examFeedback.findMany({ where: { examId }, orderBy: newestFirst });
      return rows.map(toFeedback);
    },
    listDisputed: (query = {}) => listDisputed(prisma, query),
    agreement: (filter = {}) => agreement(prisma, filter),
  };
}
