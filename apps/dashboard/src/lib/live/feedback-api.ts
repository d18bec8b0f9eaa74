// The tablet's one-tap agree / disagree, stored against the exam by the API.
import type { FeedbackRecordJson, FeedbackRequest } from '@spineqc/contracts';
import { postJson } from '@/lib/api-client';

export type FeedbackInput = Omit<FeedbackRequest, 'source'>;

export function postExamFeedback(examId: string, input: FeedbackInput): Promise<FeedbackRecordJson> {
  const body: FeedbackRequest = { ...input, source: 'tablet' };
  return postJson<FeedbackRecordJson>(`/api/exams/${encodeURIComponent(examId)}/feedback`, body);
}
