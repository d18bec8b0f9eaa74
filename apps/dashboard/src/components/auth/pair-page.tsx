'use client';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Stack, Text, TextInput } from '@mantine/core';
import { IconDeviceTablet } from '@tabler/icons-react';
import { pairTablet } from '@/lib/auth/auth-api';
import { roomPath, tokenFromHash } from '@/lib/auth/pairing';
import { AuthCard } from './auth-card';
import { SignInError } from './sign-in-error';

const toError = (caught: unknown) => (caught instanceof Error ? caught : new Error(String(caught)));

/**
 * Pairs this browser as a room tablet: the token comes in the link's fragment (`/pair#sqc_d_…`, which never
 * reaches a server log) or is pasted; on success the tablet opens its room and stays signed in there.
 */
export function PairPage() {
  const router = useRouter();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const fromLink = useRef(false);

  const pair = useCallback(
    async (value: string) => {
      setBusy(true);
      setError(null);
      try {
        const session = await pairTablet(value);
        if (!session.station) throw new Error('This token does not belong to a room tablet.');
        router.replace(roomPath(session.station));
      } catch (caught) {
        setError(toError(caught));
        setBusy(false);
      }
    },
    [router],
  );

  useEffect(() => {
    if (fromLink.current) return;
    fromLink.current = true;
    const fromHash = tokenFromHash(window.location.hash);
    if (!fromHash) return;
    // Out of the address bar and the history at once: the token is a credential.
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    setToken(fromHash);
    void pair(fromHash);
  }, [pair]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = token.trim();
    if (value === '') {
      setError(new Error('Paste the pairing token (it starts with sqc_d_).'));
      return;
    }
    void pair(value);
  }

  return (
    <AuthCard
      title="Pair this tablet"
      intro="Open the pairing link an administrator made on the Room tablets page, or paste its token here. The tablet then shows its room, and only that room."
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Pairing token"
            placeholder="sqc_d_…"
            size="lg"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.currentTarget.value)}
            data-testid="pair-token"
          />
          {error && <SignInError error={error} testId="pair-error" />}
          <Button
            type="submit"
            size="lg"
            h={56}
            loading={busy}
            leftSection={<IconDeviceTablet size={22} aria-hidden />}
            data-testid="pair-submit"
          >
            Pair
          </Button>
          {busy && (
            <Text size="sm" c="dimmed" role="status">
              Pairing…
            </Text>
          )}
        </Stack>
      </form>
    </AuthCard>
  );
}
