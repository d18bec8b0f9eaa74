export { openDatabase, type OpenDatabaseOptions, type Database } from './open-database.js';
export type { ExamRepository } from './exams/exam-repository.js';
export type { ImageToPurge, RejectedToPurge } from './exams/retention.js';
export type {
  ExamDetail,
  ExamFilter,
  ExamPage,
  ExamStatus,
  ExamSummary,
  ImageMetadata,
  IngestFailureInput,
  IngestFailureRecord,
  ListExamsQuery,
  PendingExam,
  RecordReceivedInput,
  StatsGroupBy,
  StatsQuery,
  StatsRow,
  VerdictDetail,
  Vertebra,
  View,
} from './exams/types.js';
export type { FeedbackRepository } from './feedback/feedback-repository.js';
export type {
  AgreementRow,
  DisputedExam,
  DisputedPage,
  DisputedQuery,
  FeedbackFilter,
  FeedbackInput,
  FeedbackRecord,
  FeedbackSource,
} from './feedback/types.js';
export type { WebhookRepository } from './webhooks/webhook-repository.js';
export type {
  AttemptOutcome,
  AttemptResult,
  ClaimDueInput,
  ClaimedDelivery,
  CreateSubscriptionInput,
  DeliveryPage,
  EnqueueInput,
  ListDeliveriesQuery,
  RecordAttemptInput,
  UpdateSubscriptionInput,
  WebhookAttemptRecord,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEventScope,
  WebhookEventType,
  WebhookFilters,
  WebhookSubscription,
  WebhookSubscriptionWithSecret,
} from './webhooks/types.js';
export { WEBHOOK_EVENT_TYPES } from './webhooks/types.js';
export type { AlertRepository } from './alerts/alert-repository.js';
export type {
  AlertHistoryExam,
  AlertHistoryQuery,
  AlertInput,
  AlertMetrics,
  AlertPage,
  AlertPeriodCounts,
  AlertRecord,
  AlertSubjectFilter,
  AlertSubjectKind,
  ListAlertsQuery,
  RaiseAlertInput,
  RaisedAlert,
} from './alerts/types.js';
export { MAX_ALERT_HISTORY } from './alerts/recent-exams.js';
export { MAX_PERIOD_EXAM_IDS } from './alerts/period-counts.js';
export type { AccountRepository } from './accounts/account-repository.js';
export type { TokenRepository } from './accounts/token-repository.js';
export type { AuditRepository } from './accounts/audit-repository.js';
export type {
  Account,
  AccountWithSecret,
  ActiveToken,
  AuditEvent,
  AuditPage,
  CreateAccountInput,
  CreateTokenInput,
  ListAuditQuery,
  ListTokensQuery,
  RecordAuditInput,
  RevokeForAccountOptions,
  TokenAccount,
  TokenKind,
  TokenRecord,
  UpdateAccountInput,
} from './accounts/types.js';
export { TOKEN_KINDS } from './accounts/token-input.js';
export { LAST_USED_RESOLUTION_MS } from './accounts/find-active-token.js';
export { MAX_AUTHOR_LENGTH, MAX_REASON_LENGTH, MAX_RECORDED_BY_LENGTH } from './feedback/feedback-input.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './exams/limits.js';
export { parseDatabaseUrl, redactPassword, type DatabaseTarget } from './database-url.js';
export { DatabaseError, type DatabaseErrorCode } from './errors.js';
export type { DatabaseLogger } from './logger.js';
export { DEFAULT_MIGRATIONS_DIR } from './migrations/default-migrations-dir.js';
