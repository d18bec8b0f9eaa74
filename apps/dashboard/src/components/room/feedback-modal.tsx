import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { FeedbackRecordJson } from '@spineqc/contracts';
import { VerdictBadge } from '@/components/verdict/verdict-badge';
import { formatClock, personName, viewName } from '@/lib/live/display';
import { postExamFeedback, type FeedbackInput } from '@/lib/live/feedback-api';
import type { RoomExam } from '@/lib/live/room-state';
import { describeError } from '@/lib/live/use-room-live';
import { verdictKind } from '@/lib/live/verdict-kind';

interface FeedbackModalProps {
  exam: RoomExam;
  /** The signed-in person's name: the API records their feedback under it, so no name is asked. */
  signedInAs: string | null;
  opened: boolean;
  onClose(): void;
  onRecorded(record: FeedbackRecordJson): void;
}

/** "Disagree": an optional reason and disputed criterion, and who says so. Mount it per exam (key). */
export function FeedbackModal({ exam, signedInAs, opened, onClose, onRecorded }: FeedbackModalProps) {
  const [reason, setReason] = useState('');
  const [criterion, setCriterion] = useState<string | null>(null);
  const [author, setAuthor] = useState(personName(exam.operator));
  const [busy, setBusy] = useState(false);
  const needsName = signedInAs === null;
  const missingName = needsName && author.trim() === '';
  const [error, setError] = useState<string | null>(null);

  // The exam's own criteria (failed first), or at least the ids of the failed ones when only a summary is known.
  const options = exam.criteria
    ? [...exam.criteria]
        .sort((a, b) => Number(a.passed !== false) - Number(b.passed !== false))
        .map((c) => ({ value: c.id, label: `${c.label}${c.passed === false ? ' (failed)' : ''}` }))
    : exam.failedCriteria.map((id) => ({ value: id, label: id }));

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const record = await postExamFeedback(exam.examId, {
        agree: false,
        author: needsName ? author.trim() : undefined,
        reason: reason.trim() || null,
        criterion: (criterion as FeedbackInput['criterion']) ?? null,
      });
      onRecorded(record);
    } catch (caught) {
      setError(`Not recorded: ${describeError(caught)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Disagree with this verdict"
      size="lg"
      centered
      styles={{ title: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 700 } }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Group gap="sm" data-testid="feedback-exam" data-exam-id={exam.examId}>
            <VerdictBadge kind={verdictKind(exam)} size="lg" />
            <Text size="lg">
              {[
                formatClock(exam.receivedAt),
                exam.view ? viewName(exam.view) : null,
                personName(exam.operator) || null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Group>
          <Textarea
            data-testid="feedback-reason"
            label="Why? (optional)"
            placeholder="e.g. the pelvis is in the field"
            size="lg"
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Select
            data-testid="feedback-criterion"
            label="Which criterion is wrong? (optional)"
            placeholder="Choose a criterion"
            size="lg"
            data={options}
            value={criterion}
            onChange={setCriterion}
            clearable
            comboboxProps={{ withinPortal: false }}
          />
          {needsName ? (
            <TextInput
              data-testid="feedback-author"
              label="Your name"
              size="lg"
              required
              maxLength={64}
              value={author}
              onChange={(event) => setAuthor(event.currentTarget.value)}
            />
          ) : (
            <Text size="lg" data-testid="feedback-signed-in-as">
              Recorded as <strong>{signedInAs}</strong>
            </Text>
          )}
          {error && (
            <Alert color="red" data-testid="feedback-error">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" size="lg" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              size="lg"
              color="red"
              loading={busy}
              disabled={missingName}
              data-testid="feedback-submit"
            >
              Record disagreement
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
