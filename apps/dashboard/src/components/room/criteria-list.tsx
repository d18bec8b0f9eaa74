import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { CriterionRow } from '@/components/verdict/criterion-row';
import { failedFirst } from '@/lib/live/criterion-format';
import type { RoomExam } from '@/lib/live/room-state';

interface CriteriaListProps {
  exam: RoomExam | null;
  /** Why the criteria of an exam shown from a summary could not be fetched. */
  error: string | null;
}

/** Each criterion with its measurement, range and correction; the failed ones first. */
export function CriteriaList({ exam, error }: CriteriaListProps) {
  if (!exam || exam.status === 'received') return null;
  if (error)
    return (
      <Alert color="red" title="Criteria not available" data-testid="criteria-error">
        {error}
      </Alert>
    );
  if (exam.criteria === null)
    return (
      <Group gap="sm" p="md">
        <Loader size="sm" aria-hidden />
        <Text size="lg">Loading the criteria…</Text>
      </Group>
    );
  if (exam.criteria.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label="Criteria">
      {failedFirst(exam.criteria).map((criterion) => (
        <CriterionRow key={criterion.id} criterion={criterion} size="lg" />
      ))}
      {(exam.modelVersion || exam.rulesVersion) && (
        <Text size="sm" c="dimmed" ta="right" data-testid="versions">
          Model {exam.modelVersion ?? 'unknown'} · rules {exam.rulesVersion ?? 'unknown'}
        </Text>
      )}
    </Stack>
  );
}
