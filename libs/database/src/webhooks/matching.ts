import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../exams/prisma-types.js';
import type { WebhookEventScope } from './types.js';

type Dimension = 'station' | 'technologist' | 'view';

/** Active subscriptions to `scope.eventType` whose filters all match (see WebhookEventScope), oldest first. */
export function findMatching(db: Db, scope: WebhookEventScope) {
  return db.webhookSubscription.findMany({
    where: {
      active: true,
      eventTypes: { has: scope.eventType },
      AND: [
        filterMatches('station', scope.station),
        filterMatches('technologist', scope.technologist),
        filterMatches('view', scope.view),
      ],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}

function filterMatches(dimension: Dimension, value: string | null | undefined) {
  const known = value?.trim() ?? '';
  // '' is how exams name an unknown station or technologist: only unfiltered subscriptions hear about it.
  if (known === '') return { [dimension]: null } satisfies Prisma.WebhookSubscriptionWhereInput;
  return {
    OR: [{ [dimension]: null }, { [dimension]: known }],
  } satisfies Prisma.WebhookSubscriptionWhereInput;
}
