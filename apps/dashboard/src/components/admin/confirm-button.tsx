'use client';
import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';

interface Props extends Omit<ButtonProps, 'children' | 'onClick'> {
  children: ReactNode;
  title: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  testId?: string;
}

/** A button that asks first: rotating a secret or deleting a subscription cannot be undone. */
export function ConfirmButton({
  children,
  title,
  question,
  confirmLabel,
  onConfirm,
  testId,
  ...button
}: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)} data-testid={testId}>
        {children}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title} centered>
        <Stack gap="md">
          <Text>{question}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              color={button.color ?? 'red'}
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
              data-testid={testId ? `${testId}-confirm` : undefined}
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
