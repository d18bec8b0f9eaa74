'use client';
import { useState } from 'react';
import { Stack } from '@mantine/core';
import type { CreatedTokenJson } from '@spineqc/contracts';
import { useCursorList } from '@/components/alerts/use-cursor-list';
import { listTokens } from '@/lib/admin/accounts-api';
import { pairingLink } from '@/lib/auth/pairing';
import { AdminPageHeader } from './admin-page-header';
import { ShownOnce } from './shown-once';
import { TabletPairForm } from './tablet-pair-form';
import { TabletRow } from './tablet-row';
import { TokenListPanel } from './token-list-panel';

interface Paired {
  created: CreatedTokenJson;
  link: string;
}

/** Room tablets: pair one to a room (a link to open on it, shown once), see which are in use, unpair. */
export function TabletsPage() {
  const tablets = useCursorList('device-tokens', async (_cursor, signal) => ({
    items: (await listTokens('device', { signal })).items,
    nextCursor: null,
  }));
  const [paired, setPaired] = useState<Paired | null>(null);

  return (
    <Stack gap="md" data-testid="tablets-page" maw={1200} mx="auto">
      <AdminPageHeader title="Room tablets">
        A tablet beside a DR console is paired to its room: it shows that room&apos;s verdicts and nothing
        else, and needs no one to sign in.
      </AdminPageHeader>
      {paired && (
        <ShownOnce
          title={`Pairing link for ${paired.created.station}`}
          values={[
            { label: 'Pairing link', value: paired.link, testId: 'tablet-pairing-link' },
            { label: 'Token', value: paired.created.token, testId: 'tablet-pairing-token' },
          ]}
          onClose={() => setPaired(null)}
        >
          Open the link on the tablet “{paired.created.name}” (or open /pair there and paste the token). It
          pairs the tablet until you unpair it, and is not shown again.
        </ShownOnce>
      )}
      <TokenListPanel
        id="tablets-title"
        title="Paired tablets"
        plural="tablets"
        list={tablets}
        empty="No tablet is paired yet."
        emptyTestId="tablets-empty"
        columns={['Tablet', 'Room', 'Paired by', 'Paired', 'Last used', 'State', 'Actions']}
        minWidth={900}
        row={(tablet, now, onChanged) => (
          <TabletRow key={tablet.id} tablet={tablet} now={now} onChanged={onChanged} />
        )}
      />
      <TabletPairForm
        onPaired={(created) => {
          setPaired({ created, link: pairingLink(window.location.origin, created.token) });
          const { token: _secret, ...listed } = created;
          tablets.update((items) => [listed, ...items]);
        }}
      />
    </Stack>
  );
}
