'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconLogin } from '@tabler/icons-react';
import { signIn } from '@/lib/auth/auth-api';
import { nextFromSearch } from '@/lib/auth/next-path';
import { AuthCard } from './auth-card';
import { SignInError } from './sign-in-error';

const toError = (caught: unknown) => (caught instanceof Error ? caught : new Error(String(caught)));

/** Username and password; afterwards back to the page that sent the browser here (`?next=`, this site only). */
export function LoginPage() {
  const router = useRouter();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const missingName = tried && username.trim() === '' ? 'Enter your username.' : undefined;
  const missingPassword = tried && password === '' ? 'Enter your password.' : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (username.trim() === '' || password === '') return;
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
      router.replace(nextFromSearch(window.location.search));
      // Stay busy: the next page is loading.
    } catch (caught) {
      setError(toError(caught));
      // A refused password is typed again from scratch; the API's reason says why, not a "missing" hint.
      setPassword('');
      setTried(false);
      setBusy(false);
    }
  }

  return (
    <AuthCard title="Sign in" intro="Use the account your administrator gave you.">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Username"
            required
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            size="md"
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={missingName}
            data-testid="login-username"
          />
          <PasswordInput
            label="Password"
            required
            autoComplete="current-password"
            size="md"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={missingPassword}
            data-testid="login-password"
          />
          {error && <SignInError error={error} testId="login-error" />}
          <Button
            type="submit"
            size="md"
            h={48}
            loading={busy}
            leftSection={<IconLogin size={18} aria-hidden />}
            data-testid="login-submit"
          >
            Sign in
          </Button>
        </Stack>
      </form>
      <Text size="sm" c="dimmed">
        Setting up a room tablet?{' '}
        <Anchor component={Link} href="/pair">
          Pair it with its token
        </Anchor>
        .
      </Text>
    </AuthCard>
  );
}
