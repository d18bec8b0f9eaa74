'use client';
import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { ApiRequestError, type ExamDetailDto } from '@/lib/api-client';
import { formatDateTime } from '@/lib/review/review-format';
import { ApiErrorAlert } from './api-error-alert';
import { CriteriaList } from './criteria-list';
import { DicomTagsPanel } from './dicom-tags-panel';
import { ExamNotFound } from './exam-not-found';
import { FeedbackPanel } from './feedback-panel';
import { ReviewHeader } from './review-header';
import { ReviewImagePanel } from './review-image-panel';
import { useExam } from './use-exam';
import { VerdictPanel } from './verdict-panel';
import classes from './exam-review.module.css';

/** A 404 (no such exam) or 400 (not an exam id) is an answer about the id, not a failure of the page. */
function isUnknownExam(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError && (error.status === 404 || error.status === 400);
}

function Analysing({ exam }: { exam: ExamDetailDto }) {
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<Loader size="sm" />}
      title="Received, analysing…"
      data-testid="review-analysing"
      role="status"
      aria-live="polite"
    >
      <Text size="sm">
        Received {formatDateTime(exam.receivedAt)}. This page shows the verdict as soon as it is recorded.
      </Text>
    </Alert>
  );
}

/** The exam review page: viewer and overlay on the left, verdict, criteria, DICOM attributes and feedback beside it. */
export function ExamReview({ id }: { id: string }) {
  const { exam, error, loading } = useExam(id);

  if (!exam) {
    if (isUnknownExam(error)) return <ExamNotFound id={id} message={error.message} />;
    if (error !== undefined) return <ApiErrorAlert title={`Exam ${id} could not be loaded`} error={error} />;
    return (
      <Center h="60vh">
        <Loader aria-label="Loading the exam" />
      </Center>
    );
  }

  return (
    <Stack
      gap="md"
      data-testid="exam-review"
      data-exam-id={exam.id}
      data-status={exam.status}
      aria-busy={loading}
    >
      <ReviewHeader exam={exam} />
      {exam.status === 'received' && <Analysing exam={exam} />}
      {error !== undefined && <ApiErrorAlert title="The exam could not be refreshed" error={error} />}
      <div className={classes.layout}>
        <ReviewImagePanel exam={exam} />
        <Stack gap="md" miw={0}>
          <VerdictPanel exam={exam} />
          {exam.verdict && <CriteriaList criteria={exam.verdict.criteria} />}
          <DicomTagsPanel examId={exam.id} />
          <FeedbackPanel exam={exam} />
        </Stack>
      </div>
    </Stack>
  );
}
