import { useState } from 'react';
import { Alert, Button, Group } from '@mantine/core';
import { IconCheck, IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import type { FeedbackRecordJson } from '@spineqc/contracts';
import { personName } from '@/lib/live/display';
import { postExamFeedback } from '@/lib/live/feedback-api';
import type { RoomExam } from '@/lib/live/room-state';
import { describeError } from '@/lib/live/use-room-live';

interface FeedbackBarProps {
  exam: RoomExam;
  /** What this tablet already recorded for the exam. */
  recorded: FeedbackRecordJson | undefined;
  /** The signed-in person's name (their feedback is recorded under their account); null on a paired tablet. */
  signedInAs: string | null;
  onRecorded(record: FeedbackRecordJson): void;
  /** Opens the disagree form (held by the page, so a new image arriving does not close it). */
  onDisagree(): void;
}

/** One tap to agree (on a tablet, as the exam's technologist); disagree asks why, optionally. */
export function FeedbackBar({ exam, recorded, signedInAs, onRecorded, onDisagree }: FeedbackBarProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const judged = exam.status === 'judged';

  if (recorded)
    return (
      <Alert
        data-testid="feedback-recorded"
        data-agree={recorded.agree}
        color="teal"
        icon={<IconCheck aria-hidden />}
        styles={{ message: { fontSize: 'var(--mantine-font-size-lg)' } }}
      >
        Thanks — recorded: {recorded.agree ? 'agree' : 'disagree'}, as {recorded.author}
      </Alert>
    );

  const agree = async () => {
    setBusy(true);
    setError(null);
    try {
      // On a tablet nobody typed a name: the technologist of the exam is the one at the tablet.
      const author = signedInAs === null ? authorFor(exam) : undefined;
      onRecorded(await postExamFeedback(exam.examId, { agree: true, author }));
    } catch (caught) {
      setError(`Not recorded: ${describeError(caught)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Group grow gap="md">
        <Button
          data-testid="feedback-agree"
          size="xl"
          h={60}
          color="teal"
          variant="light"
          leftSection={<IconThumbUp size={28} aria-hidden />}
          disabled={!judged}
          loading={busy}
          onClick={() => void agree()}
        >
          Agree
        </Button>
        <Button
          data-testid="feedback-disagree"
          size="xl"
          h={60}
          color="red"
          variant="light"
          leftSection={<IconThumbDown size={28} aria-hidden />}
          disabled={!judged || busy}
          onClick={onDisagree}
        >
          Disagree
        </Button>
      </Group>
      {error && (
        <Alert color="red" data-testid="feedback-error" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
    </>
  );
}

function authorFor(exam: RoomExam): string {
  return personName(exam.operator) || `${exam.station || 'room'} tablet`;
}
