export { TOPICS, CONSUMER_GROUPS, renderKeys, parseJsonOrText, type Topic } from './topics.js';
export {
  viewSchema,
  uidSchema,
  nameSchema,
  isoDateSchema,
  ingestSourceSchema,
  imageFormatSchema,
  type IngestSource,
  type ImageFormat,
} from './primitives.js';
export { imageReceivedSchema, type ImageReceived } from './image-received.js';
export {
  verdictMessageSchema,
  judgedVerdictSchema,
  failedVerdictSchema,
  criterionOutcomeSchema,
  vertebraSchema,
  bboxSchema,
  type VerdictMessage,
  type JudgedVerdict,
  type FailedVerdict,
  type CriterionOutcome,
} from './verdict-message.js';
export { deadLetterSchema, type DeadLetter } from './dead-letter.js';
export {
  LIVE_NAMESPACE,
  subscribeRequestSchema,
  type SubscribeRequest,
  type SubscribeAck,
  type LiveReceived,
  type LiveVerdict,
  type LiveServerToClientEvents,
  type LiveClientToServerEvents,
} from './live-events.js';
export type {
  View,
  ExamStatus,
  Vertebra,
  ExamSummary,
  ImageMetadata,
  VerdictDetail,
  ExamDetail,
  IngestFailureRecord,
  ExamPage,
  StatsGroupBy,
  StatsRow,
  StatsResponse,
  Jsonified,
} from './history.js';
export {
  FEEDBACK_SOURCES,
  feedbackSourceSchema,
  feedbackRequestSchema,
  type FeedbackSource,
  type FeedbackRequest,
  type FeedbackRecordJson,
  type FeedbackListJson,
  type DisputedExamJson,
  type DisputedPageJson,
  type AgreementRowJson,
  type AgreementJson,
  type DicomReviewTags,
  type DicomTagsJson,
} from './rest-feedback.js';
