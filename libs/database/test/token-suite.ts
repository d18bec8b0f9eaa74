// Bearer tokens: creation, the per-request lookup, revocation and the clean-up of ended sessions; run by the accounts
// suite on every database the product supports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Database, TokenRecord } from '../src/index.js';
import { LAST_USED_RESOLUTION_MS } from '../src/index.js';
import { apiTokenInput, mintedToken, sessionInput, someAccount } from './account-fixtures.js';
import { errorOf, useDatabase } from './suite-helpers.js';
import { T0, at } from './webhook-fixtures.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const DAY = 86_400_000;

/** (createdAt, id) descending: the order `list` promises. */
function newestFirst(a: TokenRecord, b: TokenRecord): number {
  const byTime = b.createdAt.getTime() - a.createdAt.getTime();
  return byTime !== 0 ? byTime : b.id < a.id ? -1 : b.id > a.id ? 1 : 0;
}

export function describeTokens(open: () => Promise<Database>): void {
  describe('bearer tokens', () => {
    const db = useDatabase(open);

    it('keeps only the hash, and shows it nowhere', async () => {
      const input = apiTokenInput({
        name: ' CI uploader ',
        createdBy: 'user alice',
        expiresAt: at(90 * DAY),
      });
      const created = await db().tokens.create(input);
      expect(created).toEqual({
        id: expect.any(String),
        kind: 'api',
        prefix: input.prefix,
        name: 'CI uploader',
        role: 'ingest',
        accountId: null,
        station: null,
        createdBy: 'user alice',
        createdAt: expect.any(Date),
        expiresAt: at(90 * DAY),
        lastUsedAt: null,
        revokedAt: null,
      });
      const listed = await db().tokens.list();
      expect(JSON.stringify(listed)).not.toContain(input.tokenHash);
      expect(listed).toContainEqual(created);
    });

    it('refuses a token that is not a hash, or whose role and station disagree', async () => {
      const refused = [
        apiTokenInput({ tokenHash: mintedToken().token }),
        apiTokenInput({ tokenHash: mintedToken().hash.toUpperCase() }),
        apiTokenInput({ role: 'device' }),
        apiTokenInput({ station: 'DR-1' }),
        apiTokenInput({ kind: 'device', role: 'ingest' }),
        apiTokenInput({ name: '' }),
        apiTokenInput({ prefix: 'x'.repeat(17) }),
        apiTokenInput({ kind: 'bearer' as never }),
        apiTokenInput({ accountId: 'not-a-uuid' }),
      ];
      for (const input of refused) expect((await errorOf(db().tokens.create(input))).code).toBe('BAD_QUERY');
      const orphan = db().tokens.create(apiTokenInput({ accountId: UNKNOWN }));
      expect((await errorOf(orphan)).code).toBe('NOT_FOUND');
      const input = apiTokenInput();
      await db().tokens.create(input);
      await expect(db().tokens.create({ ...input, name: 'again' })).rejects.toThrow();
    });

    it('finds a token in force, with its station or its account', async () => {
      const device = apiTokenInput({
        kind: 'device',
        role: 'device',
        name: 'Room 1 tablet',
        station: ' DR-1 ',
      });
      const created = await db().tokens.create(device);
      const found = await db().tokens.findActive(device.tokenHash, T0);
      expect(found).toEqual({ ...created, station: 'DR-1', lastUsedAt: T0, account: null });

      const person = await someAccount(db(), { role: 'technologist', displayName: 'Ann Lee' });
      const session = sessionInput(person.id);
      await db().tokens.create(session);
      expect((await db().tokens.findActive(session.tokenHash, T0))?.account).toEqual({
        id: person.id,
        username: person.username,
        displayName: 'Ann Lee',
        role: 'technologist',
      });
      expect(await db().tokens.findActive(mintedToken().hash, T0)).toBeNull();
    });

    it('never finds anything for a header someone made up', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.stringMatching(/^[0-9a-f]{64}$/)),
          async (garbage) => {
            expect(await db().tokens.findActive(garbage, T0)).toBeNull();
          },
        ),
        { numRuns: 40 },
      );
    });

    it('gives a session its account’s current role, and nothing once the account is disabled', async () => {
      const person = await someAccount(db(), { role: 'qa_manager' });
      const session = sessionInput(person.id, { role: 'qa_manager' });
      await db().tokens.create(session);
      await db().accounts.update(person.id, { role: 'technologist' });
      const demoted = await db().tokens.findActive(session.tokenHash, T0);
      expect(demoted?.role).toBe('technologist');
      expect(demoted?.account?.role).toBe('technologist');
      await db().accounts.update(person.id, { disabled: true });
      expect(await db().tokens.findActive(session.tokenHash, T0)).toBeNull();
      await db().accounts.update(person.id, { disabled: false });
      expect(await db().tokens.findActive(session.tokenHash, T0)).not.toBeNull();
    });

    it('finds nothing once the token expired or was revoked', async () => {
      const expiring = apiTokenInput({ expiresAt: at(DAY) });
      await db().tokens.create(expiring);
      expect(await db().tokens.findActive(expiring.tokenHash, at(DAY - 1))).not.toBeNull();
      expect(await db().tokens.findActive(expiring.tokenHash, at(DAY))).toBeNull();

      const revoked = apiTokenInput();
      const created = await db().tokens.create(revoked);
      const first = await db().tokens.revoke(created.id, at(1000));
      expect(first?.revokedAt).toEqual(at(1000));
      expect((await db().tokens.revoke(created.id, at(5000)))?.revokedAt).toEqual(at(1000));
      expect(await db().tokens.findActive(revoked.tokenHash, T0)).toBeNull();
      expect(await db().tokens.revoke(UNKNOWN, T0)).toBeNull();
      expect(await db().tokens.revoke('not-a-uuid', T0)).toBeNull();
    });

    it('records a use at most once a minute, and never back in time', async () => {
      const input = apiTokenInput();
      const created = await db().tokens.create(input);
      const lastUsed = async () =>
        (await db().tokens.list()).find((token) => token.id === created.id)?.lastUsedAt;
      const use = (ms: number) => db().tokens.findActive(input.tokenHash, at(ms));

      expect((await use(0))?.lastUsedAt).toEqual(T0);
      expect((await use(LAST_USED_RESOLUTION_MS - 1))?.lastUsedAt).toEqual(T0);
      expect(await lastUsed()).toEqual(T0);
      expect((await use(LAST_USED_RESOLUTION_MS))?.lastUsedAt).toEqual(at(LAST_USED_RESOLUTION_MS));
      expect(await lastUsed()).toEqual(at(LAST_USED_RESOLUTION_MS));
      // A clock behind the recorded use (another server's) leaves it alone.
      expect((await use(-DAY))?.lastUsedAt).toEqual(at(LAST_USED_RESOLUTION_MS));
      expect(await lastUsed()).toEqual(at(LAST_USED_RESOLUTION_MS));
    });

    it('revokes every token of an account but the one asked to keep', async () => {
      const person = await someAccount(db());
      const bystander = await someAccount(db());
      const sessions = [];
      for (let i = 0; i < 3; i += 1) sessions.push(await db().tokens.create(sessionInput(person.id)));
      const alreadyRevoked = await db().tokens.create(sessionInput(person.id));
      await db().tokens.revoke(alreadyRevoked.id, at(-1000));
      const other = sessionInput(bystander.id);
      await db().tokens.create(other);
      const [kept, ...ended] = sessions;

      expect(await db().tokens.revokeForAccount(person.id, T0, { exceptTokenId: kept?.id })).toBe(2);
      const byId = new Map(
        (await db().tokens.list({ kinds: ['session'] })).map((token) => [token.id, token]),
      );
      expect(byId.get(kept?.id ?? '')?.revokedAt).toBeNull();
      for (const token of ended) expect(byId.get(token.id)?.revokedAt).toEqual(T0);
      expect(byId.get(alreadyRevoked.id)?.revokedAt).toEqual(at(-1000));
      expect(await db().tokens.findActive(other.tokenHash, T0)).not.toBeNull();

      expect(await db().tokens.revokeForAccount(person.id, at(1000))).toBe(1);
      expect(await db().tokens.revokeForAccount(person.id, at(2000))).toBe(0);
      expect(await db().tokens.revokeForAccount('not-a-uuid', T0)).toBe(0);
    });
  });

  describe('token lists and the clean-up of ended sessions', () => {
    const db = useDatabase(open);

    it('lists newest first, narrowed to the kinds asked for', async () => {
      const person = await someAccount(db());
      await db().tokens.create(apiTokenInput());
      await db().tokens.create(sessionInput(person.id));
      await db().tokens.create(apiTokenInput({ kind: 'device', role: 'device', station: 'DR-2' }));
      await db().tokens.create(apiTokenInput({ role: 'qa_manager' }));
      const all = await db().tokens.list();
      expect(all).toHaveLength(4);
      expect(all).toEqual([...all].sort(newestFirst));
      const machines = await db().tokens.list({ kinds: ['api', 'device'] });
      expect(machines.map((token) => token.kind).sort()).toEqual(['api', 'api', 'device']);
      expect(machines).toEqual(all.filter((token) => token.kind !== 'session'));
      expect(await db().tokens.list({ kinds: [] })).toEqual([]);
    });

    it('deletes only sessions that ended before the cut-off', async () => {
      const person = await someAccount(db());
      const cutoff = at(DAY);
      const expired = await db().tokens.create(sessionInput(person.id, { expiresAt: at(DAY - 1) }));
      const revoked = await db().tokens.create(sessionInput(person.id, { expiresAt: at(30 * DAY) }));
      await db().tokens.revoke(revoked.id, at(1000));
      const live = await db().tokens.create(sessionInput(person.id, { expiresAt: at(30 * DAY) }));
      const endsAtCutoff = await db().tokens.create(sessionInput(person.id, { expiresAt: cutoff }));
      const revokedLater = await db().tokens.create(sessionInput(person.id));
      await db().tokens.revoke(revokedLater.id, at(DAY + 1));
      const expiredApi = await db().tokens.create(apiTokenInput({ expiresAt: at(1000) }));
      const revokedDevice = await db().tokens.create(
        apiTokenInput({ kind: 'device', role: 'device', station: 'DR-3' }),
      );
      await db().tokens.revoke(revokedDevice.id, at(1000));
      const before = (await db().tokens.list()).length;

      expect(await db().tokens.deleteExpired(cutoff)).toBe(2);
      const left = new Set((await db().tokens.list()).map((token) => token.id));
      expect(left.size).toBe(before - 2);
      expect(left.has(expired.id) || left.has(revoked.id)).toBe(false);
      for (const token of [live, endsAtCutoff, revokedLater, expiredApi, revokedDevice]) {
        expect(left.has(token.id)).toBe(true);
      }
      expect(await db().tokens.deleteExpired(cutoff)).toBe(0);
    });
  });
}
