export { openDatabase, type OpenDatabaseOptions, type Database } from './open-database.js';
export type { ExamRepository } from './exams/exam-repository.js';
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
export { MAX_AUTHOR_LENGTH, MAX_REASON_LENGTH } from './feedback/feedback-input.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './exams/limits.js';
export { parseDatabaseUrl, redactPassword, type DatabaseTarget } from './database-url.js';
export { DatabaseError, type DatabaseErrorCode } from './errors.js';
export type { DatabaseLogger } from './logger.js';
export { DEFAULT_MIGRATIONS_DIR } from './migrations/default-migrations-dir.js';
