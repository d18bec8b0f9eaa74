'use client';
import { Button, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import type { FeedbackRecordJson } from '@spineqc/contracts';
import { IconSend } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useSession } from '@/components/auth/session-provider';
import { speaksAsAccount } from '@/lib/auth/roles';
import {
  AUTHOR_MAX,
  draftErrors,
  EMPTY_DRAFT,
  feedbackRequest,
  REASON_MAX,
  type AuthorMode,
  type FeedbackChoice,
  type FeedbackDraft,
} from '@/lib/review/feedback-draft';
import { postFeedback } from '@/lib/review/review-api';
import { ApiErrorAlert } from './api-error-alert';

export interface CriterionOption {
  value: string;
  label: string;
}

export interface FeedbackFormProps {
  examId: string;
  criteria: readonly CriterionOption[];
  onSaved: (record: FeedbackRecordJson) => void;
}

/** Agree or disagree with the verdict, optionally naming the criterion and why; posted with source 'review'. */
export function FeedbackForm({ examId, criteria, onSaved }: FeedbackFormProps) {
  const { session } = useSession();
  const mode: AuthorMode = speaksAsAccount(session) ? 'account' : 'typed';
  // The reviewer's name is remembered on this computer so a second review needs one click fewer.
  const [author, setAuthor] = useLocalStorage({ key: 'spineqc.review.author', defaultValue: '' });
  const [draft, setDraft] = useState<Omit<FeedbackDraft, 'author'>>(EMPTY_DRAFT);
  const [showErrors, setShowErrors] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState<string | null>(null);

  const full: FeedbackDraft = { ...draft, author };
  const errors = showErrors ? draftErrors(full, mode) : {};
  const update = (change: Partial<FeedbackDraft>) => {
    setSaved(null);
    setDraft((d) => ({ ...d, ...change }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (Object.keys(draftErrors(full, mode)).length > 0) return;
    setSubmitting(true);
    setSubmitError(undefined);
    try {
      const record = await postFeedback(examId, feedbackRequest(full, mode));
      setDraft(EMPTY_DRAFT);
      setShowErrors(false);
      setSaved(`Saved: you ${record.agree ? 'agree' : 'disagree'} with this verdict.`);
      onSaved(record);
    } catch (error) {
      setSubmitError(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="feedback-form-heading">
      <Stack gap="sm">
        <Text fw={600} size="sm" id="feedback-form-heading">
          Your opinion of this verdict
        </Text>
        <div>
          <SegmentedControl
            data-testid="review-feedback-choice"
            value={draft.choice ?? ''}
            onChange={(choice) => update({ choice: choice as FeedbackChoice })}
            data={[
              { value: 'agree', label: 'Agree' },
              { value: 'disagree', label: 'Disagree' },
            ]}
            fullWidth
            color={draft.choice === 'disagree' ? 'red' : draft.choice === 'agree' ? 'teal' : undefined}
            aria-label="Agree or disagree with the verdict"
          />
          {errors.choice && (
            <Text size="xs" c="red.8" mt={4} role="alert">
              {errors.choice}
            </Text>
          )}
        </div>
        <Select
          data-testid="review-feedback-criterion"
          label="Criterion (optional)"
          placeholder="The verdict as a whole"
          data={criteria.map((c) => ({ value: c.value, label: c.label }))}
          value={draft.criterion}
          onChange={(criterion) => update({ criterion })}
          clearable
          error={errors.criterion}
          comboboxProps={{ withinPortal: true }}
        />
        <Textarea
          data-testid="review-feedback-reason"
          label="Reason (optional)"
          placeholder="What the verdict got wrong, or why it is right"
          autosize
          minRows={2}
          maxRows={6}
          maxLength={REASON_MAX}
          value={draft.reason}
          onChange={(event) => update({ reason: event.currentTarget.value })}
          error={errors.reason}
        />
        {mode === 'typed' ? (
          <TextInput
            data-testid="review-feedback-author"
            label="Your name"
            required
            maxLength={AUTHOR_MAX}
            value={author}
            onChange={(event) => {
              setSaved(null);
              setAuthor(event.currentTarget.value);
            }}
            error={errors.author}
            autoComplete="name"
          />
        ) : (
          <Text size="sm" c="dimmed" data-testid="review-feedback-signed-in-as">
            Sent as <strong>{session?.name}</strong>
          </Text>
        )}
        {submitError !== undefined && (
          <ApiErrorAlert title="The feedback was not saved" error={submitError} />
        )}
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={submitting}
            leftSection={<IconSend size={16} aria-hidden />}
            data-testid="review-feedback-submit"
          >
            Send feedback
          </Button>
        </Group>
        <Text size="sm" c="teal.8" role="status" aria-live="polite" data-testid="review-feedback-saved">
          {saved}
        </Text>
      </Stack>
    </form>
  );
}
