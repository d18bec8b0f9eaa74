// The pairing link an administrator hands to a room tablet: `/pair#<token>`. A fragment never leaves the
// browser, so the token stays out of the server's and any proxy's logs.

/** The token in `location.hash` ("#sqc_d_…"), or '' when there is none. */
export function tokenFromHash(hash: string): string {
  let raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    raw = decodeURIComponent(raw);
  } catch {
    // not percent-encoded: take it as it is
  }
  return raw.trim();
}

export function pairingLink(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/pair#${token}`;
}

/** Where a paired tablet lives. */
export function roomPath(station: string): string {
  return `/rooms/${encodeURIComponent(station)}`;
}

/** The station a `/rooms/<station>` path shows (encoded or not), or null for any other page. */
export function stationFromRoomPath(pathname: string): string | null {
  const match = /^\/rooms\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}
