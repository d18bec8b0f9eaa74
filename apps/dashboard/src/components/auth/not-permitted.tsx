import Link from 'next/link';
import { Alert, Anchor, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { Permission } from '@spineqc/contracts';

/** A page the signed-in role may not use: said plainly, with the way back (the API would refuse its data anyway). */
export function NotPermitted({ roleName, permission }: { roleName: string; permission: Permission | null }) {
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconLock aria-hidden />}
      title="Not available to your role"
      data-testid="not-permitted"
      maw={640}
      mx="auto"
      mt="xl"
    >
      <Text size="sm">
        A {roleName.toLowerCase()} may not open this page{permission ? ` (it needs ${permission})` : ''}. Ask
        an administrator if you need it.
      </Text>
      <Anchor component={Link} href="/" size="sm" mt="xs" display="inline-block">
        Back to the rooms
      </Anchor>
    </Alert>
  );
}
