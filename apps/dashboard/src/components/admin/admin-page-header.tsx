import type { ReactNode } from 'react';
import { Text, Title } from '@mantine/core';

/** The title and one-line purpose every admin page opens with. */
export function AdminPageHeader({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Title order={1}>{title}</Title>
      <Text c="dimmed">{children}</Text>
    </div>
  );
}
