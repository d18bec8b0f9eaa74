'use client';
import Link from 'next/link';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { formatDateTime, personLabel } from '@/lib/qa/format';
import { examLink, qaLinkForSubject, shortExamId, subjectKindLabel, timeAgo } from '@/lib/alerts/format';
import { ruleLabel } from '@/lib/alerts/rules';
import type { AlertDto } from '@/lib/alerts/types';

/** One alert: what happened, to whom, by which rule, when, and the exams behind it. */
export function AlertCard({ alert, now }: { alert: AlertDto; now: Date }) {
  const subjectName = alert.subjectKind === 'technologist' ? personLabel(alert.subject) : alert.subject;
  return (
    <Card
      withBorder
      padding="md"
      component="article"
      data-testid="alert-row"
      data-alert-id={alert.id}
      data-rule={alert.ruleKind}
      aria-labelledby={`alert-${alert.id}-title`}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconAlertTriangle size={22} color="var(--mantine-color-orange-7)" aria-hidden />
            <Title order={3} size="h4" id={`alert-${alert.id}-title`}>
              {alert.title}
            </Title>
          </Group>
          <Text size="sm" c="dimmed" ta="right" style={{ whiteSpace: 'nowrap' }}>
            <time dateTime={alert.raisedAt}>{formatDateTime(alert.raisedAt)}</time>
            <br />
            {timeAgo(alert.raisedAt, now)}
          </Text>
        </Group>
        <Text>{alert.message}</Text>
        <Group gap="lg" wrap="wrap">
          <Text size="sm">
            {subjectKindLabel(alert.subjectKind)}:{' '}
            <Anchor component={Link} href={qaLinkForSubject(alert.subjectKind, alert.subject)} fw={600}>
              {subjectName}
            </Anchor>
          </Text>
          <Group gap={6}>
            <Text size="sm">Rule:</Text>
            <Badge variant="light" color="gray" tt="none">
              {ruleLabel(alert.ruleKind)}
            </Badge>
            <Text size="sm" c="dimmed">
              version {alert.ruleVersion}
            </Text>
          </Group>
        </Group>
        <Group gap="xs" wrap="wrap">
          <Text size="sm">
            Triggered by {alert.examIds.length} {alert.examIds.length === 1 ? 'exam' : 'exams'}:
          </Text>
          {alert.examIds.map((examId) => (
            <Anchor
              key={examId}
              component={Link}
              href={examLink(examId)}
              size="sm"
              ff="monospace"
              aria-label={`Review exam ${examId}`}
              data-testid="alert-exam-link"
            >
              {shortExamId(examId)}
            </Anchor>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}
