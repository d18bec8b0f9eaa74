import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@spineqc/contracts';

export const ACCESS_KEY = 'spineqc:access';

/**
 * How a tablet (bound to one station) is kept in its room on this route: `exam-param` — the route's `:id` exam must
 * belong to the station; `station-query` — the `station` query must name it.
 */
export type StationScope = 'exam-param' | 'station-query' | 'none';

export type Access =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'permission'; permission: Permission; stationScope: StationScope };

/** The permission a route needs. Every route declares its access; one that does not is refused (fail closed). */
export const Requires = (permission: Permission, stationScope: StationScope = 'none') =>
  SetMetadata(ACCESS_KEY, { kind: 'permission', permission, stationScope } satisfies Access);

/** Any signed-in caller (their own session: who am I, sign out). */
export const Authenticated = () => SetMetadata(ACCESS_KEY, { kind: 'authenticated' } satisfies Access);

/** No credentials needed: only the health probe and sign-in itself. */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies Access);

export const RATE_LIMIT_KEY = 'spineqc:rate-limit';
/** Counts each call against the caller's ingest budget (SPINEQC_INGEST_PER_MINUTE). */
export const IngestRateLimited = () => SetMetadata(RATE_LIMIT_KEY, 'ingest');
