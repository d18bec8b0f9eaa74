'use client';
import { useState } from 'react';
import { Stack } from '@mantine/core';
import type { CreatedTokenJson } from '@spineqc/contracts';
import { useCursorList } from '@/components/alerts/use-cursor-list';
import { listTokens } from '@/lib/admin/accounts-api';
import { roleLabel } from '@/lib/auth/roles';
import { AdminPageHeader } from './admin-page-header';
import { ShownOnce } from './shown-once';
import { TokenForm } from './token-form';
import { TokenListPanel } from './token-list-panel';
import { TokenRow } from './token-row';

/** Tokens for integrations: create one (shown once), see which are in use, revoke. */
export function TokensPage() {
  const tokens = useCursorList('api-tokens', async (_cursor, signal) => ({
    items: (await listTokens('api', { signal })).items,
    nextCursor: null,
  }));
  const [created, setCreated] = useState<CreatedTokenJson | null>(null);

  return (
    <Stack gap="md" data-testid="tokens-page" maw={1200} mx="auto">
      <AdminPageHeader title="API tokens">
        For integrations that call the API: a PACS bridge sending images (Ingest), a script reading
        statistics. Sent in the header <code>Authorization: Bearer &lt;token&gt;</code>.
      </AdminPageHeader>
      {created && (
        <ShownOnce
          title="Token created: copy it now"
          values={[{ label: 'API token', value: created.token, testId: 'token-created-value' }]}
          onClose={() => setCreated(null)}
        >
          “{created.name}”, role {roleLabel(created.role)}
          {created.expiresAt ? '' : ', no expiry'}. Put it into the integration now: it will not be shown
          again (only its first characters, {created.prefix}…, are kept).
        </ShownOnce>
      )}
      <TokenListPanel
        id="tokens-title"
        title="Tokens"
        plural="tokens"
        list={tokens}
        empty="No API tokens yet."
        emptyTestId="tokens-empty"
        columns={['Token', 'Role', 'Created by', 'Created', 'Expires', 'Last used', 'State', 'Actions']}
        minWidth={1000}
        row={(token, now, onChanged) => (
          <TokenRow key={token.id} token={token} now={now} onChanged={onChanged} />
        )}
      />
      <TokenForm
        onCreated={(token) => {
          setCreated(token);
          // The list never holds the token itself.
          const { token: _secret, ...listed } = token;
          tokens.update((items) => [listed, ...items]);
        }}
      />
    </Stack>
  );
}
