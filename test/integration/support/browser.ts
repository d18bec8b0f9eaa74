import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); Playwright's own browser download cannot run here. */
export const CHROMIUM = '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

/**
 * Collects uncaught page errors, console errors and failed HTTP responses (with their URL), so a test can
 * assert a screen ran cleanly.
 */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // The browser's own "Failed to load resource" line lacks the URL; the response handler names it.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400)
      errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return errors;
}

export interface Credentials {
  username: string;
  password: string;
}

/**
 * A fresh browser context signed in through the /login page, as a person does (the session is an HttpOnly
 * cookie, so a test cannot simply set it). The page is left on `next` (default: the rooms home).
 */
export async function signedInPage(
  browser: Browser,
  dashboardUrl: string,
  who: Credentials,
  viewport = { width: 1440, height: 900 },
  next = '/',
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${dashboardUrl}/login?next=${encodeURIComponent(next)}`);
  await signInOnPage(page, who);
  await page.waitForURL((url) => url.pathname !== '/login');
  return page;
}

/** Fills and submits the sign-in form the page shows. */
export async function signInOnPage(page: Page, who: Credentials): Promise<void> {
  await page.getByTestId('login-username').fill(who.username);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
}

/** `fetch(path)` from inside the page (with its session cookie): the status the API gave. */
export function fetchStatusInPage(page: Page, path: string): Promise<number> {
  return page.evaluate(async (p) => (await fetch(p)).status, path);
}
