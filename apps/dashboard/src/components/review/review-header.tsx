'use client';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDeviceTablet, IconDownload } from '@tabler/icons-react';
import Link from 'next/link';
import { useSession } from '@/components/auth/session-provider';
import type { ExamDetailDto } from '@/lib/api-client';
import { can } from '@/lib/auth/roles';
import { examOriginalUrl } from '@/lib/review/review-api';
import { formatDateTime, formatPersonName, formatView } from '@/lib/review/review-format';
import { verdictState } from '@/lib/review/verdict-state';
import { VerdictBadge } from './verdict-badge';

/** Which exam this is (never who the patient is), its verdict, and the ways out of the page. */
export function ReviewHeader({ exam }: { exam: ExamDetailDto }) {
  // The original carries the patient's identity: only roles with exams.original are offered it.
  const mayDownload = can(useSession().session, 'exams.original');
  const facts = [
    exam.station || 'no station',
    exam.technologist ? formatPersonName(exam.technologist) : 'no technologist',
    exam.view
      ? formatView(exam.view)
      : exam.requestedView
        ? `${formatView(exam.requestedView)} (requested)`
        : null,
    `received ${formatDateTime(exam.receivedAt)}`,
    `via ${exam.source}`,
  ].filter(Boolean);
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
      <Stack gap={4} miw={0}>
        <Group gap="md" wrap="nowrap">
          <Title order={1} size="h2">
            Exam review
          </Title>
          <VerdictBadge state={verdictState(exam)} size="md" />
        </Group>
        <Text size="sm" c="dimmed">
          {facts.join(' · ')}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          exam {exam.id}
        </Text>
      </Stack>
      <Group gap="xs" wrap="nowrap">
        <Button
          component={Link}
          href="/qa"
          variant="default"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
          data-testid="review-back"
        >
          Back to QA
        </Button>
        {exam.station ? (
          <Button
            component={Link}
            href={`/rooms/${encodeURIComponent(exam.station)}`}
            variant="default"
            leftSection={<IconDeviceTablet size={16} aria-hidden />}
            data-testid="review-open-room"
          >
            Open the room
          </Button>
        ) : null}
        {mayDownload && (
          <Button
            component="a"
            href={examOriginalUrl(exam.id)}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            data-testid="review-download-original"
          >
            Download original
          </Button>
        )}
      </Group>
    </Group>
  );
}
