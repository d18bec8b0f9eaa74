'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell, Group, Text, UnstyledButton } from '@mantine/core';
import classes from './desk-shell.module.css';

const LINKS = [
  { href: '/', label: 'Rooms' },
  { href: '/qa', label: 'Quality assurance' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/admin/webhooks', label: 'Webhooks' },
] as const;

export function DeskShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" gap="lg">
          <Text fw={800} size="lg" component={Link} href="/">
            SpineQC
          </Text>
          <nav aria-label="Main">
            <Group gap="xs">
              {LINKS.map((link) => (
                <UnstyledButton
                  key={link.href}
                  component={Link}
                  href={link.href}
                  className={classes.link}
                  data-active={pathname === link.href || undefined}
                >
                  {link.label}
                </UnstyledButton>
              ))}
            </Group>
          </nav>
        </Group>
      </AppShell.Header>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
