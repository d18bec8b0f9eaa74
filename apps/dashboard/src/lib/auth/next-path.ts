// Where the sign-in page sends the browser afterwards, and which pages must never bounce to it.

/** Pages that sign in themselves: a 401 there is an answer to show, not a reason to go to /login. */
const SIGN_IN_PAGES = ['/login', '/pair'];

/**
 * `?next=` as a path on this origin, or '/' when it is missing or points elsewhere. Only "/…" qualifies: "//host"
 * and "/\host" are protocol-relative URLs to another site (browsers read a backslash as a slash).
 */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/')) return '/';
  if (raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  // A control character (a tab or newline inside "/\t/host") is dropped by URL parsing: refuse it too.
  if (/[\u0000-\u001f\u007f]/.test(raw)) return '/';
  return raw;
}

/** `?next=` of a query string ("?next=%2Fqa"), made safe. */
export function nextFromSearch(search: string): string {
  return safeNextPath(new URLSearchParams(search).get('next'));
}

export function isSignInPage(pathname: string): boolean {
  return SIGN_IN_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`));
}

/** The sign-in page that comes back to `currentPath` (path and query) afterwards. */
export function loginHref(currentPath: string): string {
  const next = safeNextPath(currentPath);
  return next === '/' ? '/login' : `/login?${new URLSearchParams({ next }).toString()}`;
}
