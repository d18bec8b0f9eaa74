const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from URLs and messages; anything else would make PostgreSQL raise instead of simply not matching. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
