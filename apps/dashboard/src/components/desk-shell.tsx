'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { DeskGate } from '@/components/auth/desk-gate';
import { useSession } from '@/components/auth/session-provider';
import { UserMenu } from '@/components/auth/user-menu';
import { ADMIN_LINKS, MAIN_LINKS, isActiveLink, visibleLinks } from '@/lib/auth/page-access';
import classes from './desk-shell.module.css';

/** The desk pages’ header: the pages this role may use, the administration menu, and who is signed in. */
export function DeskShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const { session } = useSession();
  // Until the session is known no link is shown: a link the role may not use must never flash up.
  const permissions = session?.permissions ?? [];
  const main = visibleLinks(MAIN_LINKS, permissions);
  const admin = visibleLinks(ADMIN_LINKS, permissions);
  const inAdmin = admin.some((link) => isActiveLink(link.href, pathname));

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" gap="lg" wrap="nowrap">
          <Text fw={800} size="lg" component={Link} href="/">
            SpineQC
          </Text>
          <nav aria-label="Main" data-testid="main-nav">
            <Group gap="xs" wrap="nowrap">
              {main.map((link) => (
                <UnstyledButton
                  key={link.href}
                  component={Link}
                  href={link.href}
                  className={classes.link}
                  data-active={isActiveLink(link.href, pathname) || undefined}
                  aria-current={isActiveLink(link.href, pathname) ? 'page' : undefined}
                  data-testid="nav-link"
                >
                  {link.label}
                </UnstyledButton>
              ))}
              {admin.length > 0 && (
                <Menu position="bottom-start" withinPortal>
                  <Menu.Target>
                    <UnstyledButton
                      className={classes.link}
                      data-active={inAdmin || undefined}
                      data-testid="nav-admin"
                    >
                      <Group gap={4} wrap="nowrap">
                        Administration <IconChevronDown size={14} aria-hidden />
                      </Group>
                    </UnstyledButton>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {admin.map((link) => (
                      <Menu.Item
                        key={link.href}
                        component={Link}
                        href={link.href}
                        aria-current={isActiveLink(link.href, pathname) ? 'page' : undefined}
                        data-testid="nav-admin-link"
                      >
                        {link.label}
                      </Menu.Item>
                    ))}
                  </Menu.Dropdown>
                </Menu>
              )}
            </Group>
          </nav>
          <Group ml="auto" gap="xs" wrap="nowrap">
            {session && <UserMenu session={session} />}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <DeskGate>{children}</DeskGate>
      </AppShell.Main>
    </AppShell>
  );
}
