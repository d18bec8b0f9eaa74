/// <reference lib="dom" />
import type { Browser, Page, WebSocketRoute } from 'playwright-core';

export const FINAL_VERDICTS = ['qualified', 'unqualified', 'not-assessable', 'failed'];

/** The data-verdict a tablet must show for an exam as the API describes it. */
export function expectedVerdict(exam: any): string {
  if (exam.status === 'failed') return 'failed';
  if (exam.verdict.notAssessable) return 'not-assessable';
  return exam.verdict.qualified ? 'qualified' : 'unqualified';
}

/**
 * Records every state the big verdict passes through, so a test can see the brief "analysing" state that a
 * fast verdict replaces within ~100 ms.
 */
export async function recordVerdictStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __verdictStates: string[] };
    w.__verdictStates = [];
    const note = () => {
      const element = document.querySelector('[data-testid="verdict"]');
      const state = `${element?.getAttribute('data-verdict')}:${element?.getAttribute('data-exam-id') ?? ''}`;
      if (w.__verdictStates.at(-1) !== state) w.__verdictStates.push(state);
    };
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

export const verdictStates = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __verdictStates: string[] }).__verdictStates);

export async function waitForShownVerdict(page: Page, examId: string, timeoutMs = 60_000): Promise<string> {
  const handle = await page.waitForFunction(
    ([id, finals]) => {
      const element = document.querySelector('[data-testid="verdict"]');
      const verdict = element?.getAttribute('data-verdict') ?? '';
      return element?.getAttribute('data-exam-id') === id && finals.includes(verdict) ? verdict : false;
    },
    [examId, FINAL_VERDICTS] as const,
    { timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as string;
}

export async function waitForConnection(page: Page, states: string[], timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(
    (wanted) =>
      wanted.includes(
        document.querySelector('[data-testid="connection-state"]')?.getAttribute('data-state') ?? '',
      ),
    states,
    { timeout: timeoutMs },
  );
}

/**
 * A cable between the tablet and the server that the test can pull: every Socket.IO connection (WebSocket or
 * long-polling) goes through it; `cut()` drops the open ones and refuses new ones until `restore()`.
 */
export async function pluggableSocket(page: Page) {
  let cut = false;
  const open: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (cut) {
      void ws.close();
      return;
    }
    open.push({ page: ws, server: ws.connectToServer() });
  });
  await page.route(/\/socket\.io\//, (route) =>
    cut ? route.abort('internetdisconnected') : route.continue(),
  );
  return {
    async cut() {
      cut = true;
      for (const pair of open.splice(0)) {
        await pair.server.close().catch(() => undefined);
        await pair.page.close().catch(() => undefined);
      }
    },
    restore() {
      cut = false;
    },
  };
}

/**
 * A browser context paired as a room tablet by opening the pairing link (`/pair#<device token>`); resolves once
 * the tablet shows its room.
 */
export async function pairedTablet(
  browser: Browser,
  dashboardUrl: string,
  deviceToken: string,
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${dashboardUrl}/pair#${deviceToken}`);
  await page.waitForURL(/\/rooms\//);
  return page;
}
