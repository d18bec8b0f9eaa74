import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ExamDetailDto } from '@/lib/api-client';
import {
  formatDateTime,
  formatMs,
  formatPercent,
  formatSpacing,
  formatView,
  formatViewSource,
  orderedTimings,
} from '@/lib/review/review-format';
import { verdictState } from '@/lib/review/verdict-state';
import { Facts, type Fact } from './facts';
import { VerdictBadge } from './verdict-badge';

function verdictFacts(verdict: NonNullable<ExamDetailDto['verdict']>): Fact[] {
  return [
    { label: 'View', value: `${formatView(verdict.view)} (${formatViewSource(verdict.viewSource)})` },
    { label: 'Confidence', value: formatPercent(verdict.confidence) },
    { label: 'Judged', value: formatDateTime(verdict.judgedAt) },
    {
      label: 'Versions',
      testId: 'review-versions',
      value: (
        <>
          model <code>{verdict.modelVersion}</code>
          <br />
          rules <code>{verdict.rulesVersion}</code>
        </>
      ),
    },
    {
      label: 'Pixel spacing',
      value: `${formatSpacing(verdict.pixelSpacingMm)}, from ${verdict.pixelSpacingSource}`,
    },
    {
      label: 'Timings',
      value: orderedTimings(verdict.timingsMs)
        .map(([stage, ms]) => `${stage} ${formatMs(ms)}`)
        .join(' · '),
    },
    {
      label: 'Worker',
      value: `${verdict.worker}${verdict.attempts > 1 ? `, after ${verdict.attempts} attempts` : ''}`,
    },
  ];
}

/** The verdict (icon and word), why, and the provenance a disputed verdict needs: model, rules, spacing. */
export function VerdictPanel({ exam }: { exam: ExamDetailDto }) {
  const state = verdictState(exam);
  const { verdict } = exam;
  const reason =
    verdict?.reason ??
    (exam.status === 'failed'
      ? `${exam.failureReason ?? 'unknown reason'} (${exam.failureCode ?? 'no code'})`
      : null);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="verdict-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="verdict-heading">
          Verdict
        </Title>
        <div aria-live="polite">
          <VerdictBadge state={state} size="xl" />
        </div>
        {reason && (
          <Text size="sm" data-testid="review-reason">
            {reason}
          </Text>
        )}
        {verdict ? (
          <Facts items={verdictFacts(verdict)} />
        ) : (
          <Text size="sm" c="dimmed">
            {exam.status === 'received'
              ? 'No verdict yet: the image is being analysed.'
              : 'No verdict was recorded for this exam.'}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
