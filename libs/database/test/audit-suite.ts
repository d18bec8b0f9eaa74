// The audit log: what is recorded, how hostile text is kept, and the newest-first pages; run by the accounts suite on
// every database the product supports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditEvent, Database } from '../src/index.js';
import { errorOf, useDatabase } from './suite-helpers.js';
import { T0, at } from './webhook-fixtures.js';

export function describeAudit(open: () => Promise<Database>): void {
  describe('audit log entries', () => {
    const db = useDatabase(open);

    it('records who did what to what, from where', async () => {
      const event = await db().audit.record({
        action: 'account.updated',
        actor: 'user alice',
        target: 'account bob',
        detail: { changed: ['role'], role: 'qa_manager', when: T0, dropped: undefined },
        remoteAddress: '192.0.2.7',
        at: T0,
      });
      expect(event).toEqual({
        id: expect.any(String),
        at: T0,
        action: 'account.updated',
        actor: 'user alice',
        target: 'account bob',
        detail: { changed: ['role'], role: 'qa_manager', when: T0.toISOString() },
        remoteAddress: '192.0.2.7',
      });
      const bare = await db().audit.record({ action: 'logout', actor: 'user alice' });
      expect(bare).toMatchObject({ action: 'logout', target: null, detail: {}, remoteAddress: null });
      expect(bare.at).toBeInstanceOf(Date);
    });

    it('cuts over-long text and replaces NULs rather than losing the entry', async () => {
      const event = await db().audit.record({
        action: 'login.failed',
        actor: `${'é'.repeat(200)}`,
        target: `a\u0000b${'x'.repeat(300)}`,
        detail: { 'key\u0000': ['v\u0000', { nested: '\u0000', lone: '\ud800' }] },
        remoteAddress: `  ${'f'.repeat(100)}  `,
      });
      expect(event.actor).toBe(`${'é'.repeat(127)}…`);
      expect(event.target).toBe(`a\ufffdb${'x'.repeat(252)}…`);
      expect(event.detail).toEqual({ 'key\ufffd': ['v\ufffd', { nested: '\ufffd', lone: '\ufffd' }] });
      expect(event.remoteAddress).toBe(`${'f'.repeat(63)}…`);
    });

    it('stores whatever a failed login was given as the name', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.string({ unit: 'binary', minLength: 1, maxLength: 400 }).filter((name) => name.trim() !== ''),
          fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), { maxKeys: 3 }),
          async (name, detail) => {
            const event = await db().audit.record({ action: 'login.failed', actor: name, detail });
            expect(Array.from(event.actor).length).toBeLessThanOrEqual(128);
            expect(event.actor).not.toContain('\u0000');
          },
        ),
        { numRuns: 30 },
      );
    });

    it('refuses an unknown action, no actor, or a detail that is not an object', async () => {
      const refused = [
        db().audit.record({ action: 'coffee.made' as never, actor: 'user alice' }),
        db().audit.record({ action: 'logout', actor: '   ' }),
        db().audit.record({ action: 'logout', actor: 'user alice', detail: ['x'] as never }),
      ];
      for (const attempt of refused) expect((await errorOf(attempt)).code).toBe('BAD_QUERY');
    });
  });

  describe('audit log pages', () => {
    const db = useDatabase(open);

    it('pages newest first by (at, id), narrowed to one action', async () => {
      const recorded: AuditEvent[] = [];
      // Three pairs share an instant, so the id must break ties for the pages to be stable.
      const times = [0, 1000, 1000, 2000, 3000, 3000, 4000, 5000, 5000];
      for (const [i, ms] of times.entries()) {
        const action = i % 3 === 0 ? 'login.failed' : 'login.succeeded';
        recorded.push(await db().audit.record({ action, actor: `user u${i}`, at: at(ms) }));
      }
      const expected = [...recorded].sort(
        (a, b) => b.at.getTime() - a.at.getTime() || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0),
      );

      const seen: AuditEvent[] = [];
      let cursor: string | undefined;
      do {
        const page = await db().audit.list({ limit: 2, ...(cursor !== undefined && { cursor }) });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      expect(seen).toEqual(expected);
      expect(await db().audit.list()).toEqual({ items: expected, nextCursor: null });

      const failed = await db().audit.list({ action: 'login.failed', limit: 2 });
      expect(failed.items).toEqual(expected.filter((event) => event.action === 'login.failed').slice(0, 2));
      const rest = await db().audit.list({ action: 'login.failed', cursor: failed.nextCursor ?? '' });
      expect(rest).toEqual({
        items: expected.filter((e) => e.action === 'login.failed').slice(2),
        nextCursor: null,
      });
    });

    it('refuses a cursor it did not issue, a bad limit or an unknown action', async () => {
      expect((await errorOf(db().audit.list({ cursor: 'bm9wZQ' }))).code).toBe('BAD_CURSOR');
      expect((await errorOf(db().audit.list({ cursor: '' }))).code).toBe('BAD_CURSOR');
      expect((await errorOf(db().audit.list({ limit: 0 }))).code).toBe('BAD_QUERY');
      expect((await errorOf(db().audit.list({ action: 'nope' as never }))).code).toBe('BAD_QUERY');
    });
  });
}
