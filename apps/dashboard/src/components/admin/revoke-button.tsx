'use client';
import { ConfirmButton } from './confirm-button';

interface Props {
  label: string;
  title: string;
  question: string;
  loading: boolean;
  onConfirm: () => void;
  testId: string;
}

/** Revoking cannot be undone (a new token must be made), so it asks first. */
export function RevokeButton({ label, title, question, loading, onConfirm, testId }: Props) {
  return (
    <ConfirmButton
      variant="light"
      size="xs"
      color="red"
      loading={loading}
      title={title}
      question={question}
      confirmLabel={label}
      onConfirm={onConfirm}
      testId={testId}
    >
      {label}
    </ConfirmButton>
  );
}
