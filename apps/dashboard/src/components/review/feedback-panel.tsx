'use client';
import { Divider, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { CRITERIA, CRITERION_IDS } from '@spineqc/qc-standard';
import { useMemo } from 'react';
import type { ExamDetailDto } from '@/lib/api-client';
import { getFeedback } from '@/lib/review/review-api';
import { ApiErrorAlert } from './api-error-alert';
import { FeedbackForm, type CriterionOption } from './feedback-form';
import { FeedbackHistory } from './feedback-history';
import { useAsync } from './use-async';

/** The feedback history and the form; the history is read again after each post, so it shows what was stored. */
export function FeedbackPanel({ exam }: { exam: ExamDetailDto }) {
  const history = useAsync(`feedback ${exam.id}`, (signal) => getFeedback(exam.id, { signal }));
  const judged = exam.verdict?.criteria;
  const options = useMemo<CriterionOption[]>(
    () =>
      judged
        ? judged.map((c) => ({ value: c.id, label: `${c.label}${c.passed === false ? ' (failed)' : ''}` }))
        : CRITERION_IDS.map((id) => ({ value: id, label: CRITERIA[id].label })),
    [judged],
  );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="feedback-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="feedback-heading">
            Feedback
          </Title>
          {history.loading && <Loader size="xs" aria-label="Loading the feedback" />}
        </Group>
        {history.error !== undefined && (
          <ApiErrorAlert
            title="The feedback history could not be read"
            error={history.error}
            onRetry={history.reload}
          />
        )}
        {history.data ? (
          <FeedbackHistory items={history.data.items} />
        ) : (
          !history.loading && (
            <Text size="sm" c="dimmed" data-testid="feedback-history">
              No history to show.
            </Text>
          )
        )}
        <Divider />
        <FeedbackForm examId={exam.id} criteria={options} onSaved={history.reload} />
      </Stack>
    </Paper>
  );
}
