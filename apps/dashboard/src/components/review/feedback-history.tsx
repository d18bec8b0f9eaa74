import { Badge, Group, Text } from '@mantine/core';
import type { FeedbackRecordJson } from '@spineqc/contracts';
import { CRITERIA } from '@spineqc/qc-standard';
import { IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { formatDateTime } from '@/lib/review/review-format';
import classes from './feedback-history.module.css';

const SOURCE_WORDS: Record<FeedbackRecordJson['source'], string> = {
  tablet: 'room tablet',
  review: 'review page',
};

function FeedbackEntry({ entry }: { entry: FeedbackRecordJson }) {
  return (
    <li
      className={classes.entry}
      data-testid="feedback-entry"
      data-agree={String(entry.agree)}
      data-feedback-id={entry.id}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={600}>
          {entry.author}
        </Text>
        <Badge
          variant="light"
          color={entry.agree ? 'teal' : 'red'}
          leftSection={
            entry.agree ? <IconThumbUp size={14} aria-hidden /> : <IconThumbDown size={14} aria-hidden />
          }
        >
          {entry.agree ? 'Agrees' : 'Disagrees'}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time> ·{' '}
        {SOURCE_WORDS[entry.source]}
      </Text>
      {entry.criterion && (
        <Text size="sm" data-criterion={entry.criterion}>
          <Text span c="dimmed">
            Criterion:{' '}
          </Text>
          {CRITERIA[entry.criterion]?.label ?? entry.criterion}
        </Text>
      )}
      {entry.reason && <Text size="sm">“{entry.reason}”</Text>}
    </li>
  );
}

/** Everyone's agree/disagree on this exam, newest first as the API lists it. */
export function FeedbackHistory({ items }: { items: readonly FeedbackRecordJson[] }) {
  return (
    <ul className={classes.list} data-testid="feedback-history" aria-live="polite" data-count={items.length}>
      {items.length === 0 ? (
        <li>
          <Text size="sm" c="dimmed">
            No feedback yet.
          </Text>
        </li>
      ) : (
        items.map((entry) => <FeedbackEntry key={entry.id} entry={entry} />)
      )}
    </ul>
  );
}
