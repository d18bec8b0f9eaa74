import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ExamDetailDto } from '@/lib/api-client';
import { IconCircleCheck, IconCircleX, IconHelpCircle } from '@tabler/icons-react';
import {
  formatRange,
  formatValue,
  OUTCOME_WORDS,
  outcomeKind,
  type OutcomeKind,
} from '@/lib/review/criterion-format';
import { VERDICT_COLORS } from '@/theme';
import classes from './criteria-list.module.css';

/** A criterion as the API sends it (its range a JSON array). */
type CriterionDto = NonNullable<ExamDetailDto['verdict']>['criteria'][number];

const OUTCOME_STYLE: Record<OutcomeKind, { color: string; Icon: typeof IconCircleCheck }> = {
  passed: { color: VERDICT_COLORS.qualified, Icon: IconCircleCheck },
  failed: { color: VERDICT_COLORS.unqualified, Icon: IconCircleX },
  'not-judged': { color: VERDICT_COLORS.notAssessable, Icon: IconHelpCircle },
};

function CriterionItem({ criterion }: { criterion: CriterionDto }) {
  const kind = outcomeKind(criterion.passed);
  const { color, Icon } = OUTCOME_STYLE[kind];
  return (
    <li
      className={classes.item}
      data-testid="review-criterion"
      data-criterion-id={criterion.id}
      data-passed={String(criterion.passed)}
      data-outcome={kind}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text fw={600} size="sm">
          {criterion.label}
        </Text>
        <Badge
          color={color}
          variant="light"
          leftSection={<Icon size={14} aria-hidden />}
          style={{ flexShrink: 0 }}
        >
          {OUTCOME_WORDS[kind]}
        </Badge>
      </Group>
      <Text size="sm" mt={4}>
        <Text span c="dimmed">
          Measured{' '}
        </Text>
        <Text span fw={600}>
          {formatValue(criterion.value, criterion.unit)}
        </Text>
        <Text span c="dimmed">
          {' '}
          · pass {formatRange(criterion.range, criterion.unit)}
        </Text>
      </Text>
      <Text size="sm" c="dimmed">
        {criterion.message}
      </Text>
      {criterion.correction && (
        <Text size="sm" mt={4} className={classes.correction}>
          <strong>Correction:</strong> {criterion.correction}
        </Text>
      )}
    </li>
  );
}

/** Every criterion the rules judged for this view, in the rules' order, failures not reordered. */
export function CriteriaList({ criteria }: { criteria: readonly CriterionDto[] }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="criteria-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="criteria-heading">
          Criteria
        </Title>
        {criteria.length === 0 ? (
          <Text size="sm" c="dimmed">
            No criteria were measured.
          </Text>
        ) : (
          <ul className={classes.list}>
            {criteria.map((criterion) => (
              <CriterionItem key={criterion.id} criterion={criterion} />
            ))}
          </ul>
        )}
      </Stack>
    </Paper>
  );
}
