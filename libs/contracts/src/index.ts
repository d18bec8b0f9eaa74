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
