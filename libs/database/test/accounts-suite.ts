// Accounts, bearer tokens and the audit log, and who recorded each feedback entry; run by the repository suite on
// every database the product supports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Database } from '../src/index.js';
import { accountInput, passwordHash, someAccount } from './account-fixtures.js';
import { describeAudit } from './audit-suite.js';
import { errorOf, useDatabase } from './suite-helpers.js';
import { describeTokens } from './token-suite.js';
import { someExam } from './webhook-fixtures.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

export function describeAccounts(open: () => Promise<Database>): void {
  describe('accounts', () => {
    const db = useDatabase(open);

    it('stores the username lower-case and shows the password hash only to findByUsername', async () => {
      const hash = passwordHash();
      const created = await db().accounts.create({
        username: '  Alice.Smith ',
        displayName: ' Alice Smith ',
        role: 'qa_manager',
        passwordHash: hash,
      });
      expect(created).toEqual({
        id: expect.any(String),
        username: 'alice.smith',
        displayName: 'Alice Smith',
        role: 'qa_manager',
        disabled: false,
        createdAt: expect.any(Date),
        updatedAt: expect.any(Date),
        lastLoginAt: null,
      });
      expect(await db().accounts.get(created.id)).toEqual(created);
      expect(await db().accounts.findByUsername('ALICE.smith ')).toEqual({ ...created, passwordHash: hash });
      expect(await db().accounts.get(UNKNOWN)).toBeNull();
      expect(await db().accounts.get('not-a-uuid')).toBeNull();
      expect(await db().accounts.findByUsername('nobody')).toBeNull();
      expect(await db().accounts.findByUsername("' OR 1=1 --")).toBeNull();
    });

    it('refuses a username that exists in any case, and input that could not be right', async () => {
      await someAccount(db(), { username: 'bob' });
      expect((await errorOf(db().accounts.create(accountInput({ username: 'BOB' })))).code).toBe(
        'USERNAME_TAKEN',
      );
      const refused = [
        accountInput({ username: 'x' }),
        accountInput({ username: 'has space' }),
        accountInput({ displayName: '   ' }),
        accountInput({ displayName: 'a\u0000b' }),
        accountInput({ passwordHash: 'correct horse battery staple' }),
        accountInput({ role: 'ingest' as never }),
      ];
      for (const input of refused)
        expect((await errorOf(db().accounts.create(input))).code).toBe('BAD_QUERY');
    });

    it('never throws on a username someone typed, whatever it is', async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (typed) => {
          const found = await db().accounts.findByUsername(typed);
          expect(found === null || found.username === typed.trim().toLowerCase()).toBe(true);
        }),
        { numRuns: 40 },
      );
    });

    it('updates the fields given and records logins', async () => {
      const account = await someAccount(db(), { displayName: 'Before' });
      const newHash = passwordHash();
      const updated = await db().accounts.update(account.id, {
        displayName: ' After ',
        role: 'qa_manager',
        passwordHash: newHash,
      });
      expect(updated).toMatchObject({ displayName: 'After', role: 'qa_manager', disabled: false });
      expect((await db().accounts.findByUsername(account.username))?.passwordHash).toBe(newHash);
      expect(await db().accounts.update(account.id, {})).toEqual(updated);
      const loginAt = new Date('2026-05-04T08:30:00.000Z');
      await db().accounts.recordLogin(account.id, loginAt);
      expect((await db().accounts.get(account.id))?.lastLoginAt).toEqual(loginAt);
      for (const id of [UNKNOWN, 'not-a-uuid']) {
        expect((await errorOf(db().accounts.update(id, { displayName: 'X' }))).code).toBe('NOT_FOUND');
        expect((await errorOf(db().accounts.recordLogin(id, loginAt))).code).toBe('NOT_FOUND');
      }
      expect((await errorOf(db().accounts.update(account.id, { passwordHash: 'plain' }))).code).toBe(
        'BAD_QUERY',
      );
    });
  });

  describe('account list', () => {
    const db = useDatabase(open);

    it('is ordered by username, byte by byte', async () => {
      for (const username of ['zed', 'a_b', 'ab', 'a.b', 'a-b', '0day'])
        await someAccount(db(), { username });
      const listed = await db().accounts.list();
      expect(listed.map((account) => account.username)).toEqual(['0day', 'a-b', 'a.b', 'a_b', 'ab', 'zed']);
      expect(listed[0]).not.toHaveProperty('passwordHash');
    });
  });

  describe('the last enabled admin', () => {
    const db = useDatabase(open);

    it('cannot be demoted or disabled; another enabled admin lifts the guard', async () => {
      const first = await someAccount(db(), { role: 'admin' });
      expect(await db().accounts.countAdmins()).toBe(1);
      expect((await errorOf(db().accounts.update(first.id, { role: 'qa_manager' }))).code).toBe('LAST_ADMIN');
      expect((await errorOf(db().accounts.update(first.id, { disabled: true }))).code).toBe('LAST_ADMIN');
      expect(await db().accounts.get(first.id)).toMatchObject({ role: 'admin', disabled: false });
      // Changes that keep the admin an enabled admin pass.
      await db().accounts.update(first.id, { role: 'admin', disabled: false, displayName: 'Root' });

      const disabledAdmin = await someAccount(db(), { role: 'admin' });
      await db().accounts.update(disabledAdmin.id, { disabled: true });
      expect(await db().accounts.countAdmins()).toBe(1);
      expect((await errorOf(db().accounts.update(first.id, { disabled: true }))).code).toBe('LAST_ADMIN');

      const second = await someAccount(db(), { role: 'admin' });
      expect(await db().accounts.countAdmins()).toBe(2);
      expect(await db().accounts.update(first.id, { role: 'technologist' })).toMatchObject({
        role: 'technologist',
      });
      expect((await errorOf(db().accounts.update(second.id, { disabled: true }))).code).toBe('LAST_ADMIN');
      expect(await db().accounts.countAdmins()).toBe(1);
    });

    it('survives two admins demoting each other at the same moment', async () => {
      const [a, b] = await Promise.all([
        someAccount(db(), { role: 'admin' }),
        someAccount(db(), { role: 'admin' }),
      ]);
      const others = (await db().accounts.list()).filter(
        (account) =>
          account.role === 'admin' && !account.disabled && account.id !== a.id && account.id !== b.id,
      );
      for (const other of others) await db().accounts.update(other.id, { role: 'qa_manager' });
      const results = await Promise.allSettled([
        db().accounts.update(a.id, { role: 'qa_manager' }),
        db().accounts.update(b.id, { disabled: true }),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((result) => result.status === 'rejected');
      expect(refused?.reason).toMatchObject({ code: 'LAST_ADMIN' });
      expect(await db().accounts.countAdmins()).toBe(1);
    });
  });

  describeTokens(open);
  describeAudit(open);

  describe('who recorded a feedback entry', () => {
    const db = useDatabase(open);

    it('keeps the account or tablet behind each entry', async () => {
      const examId = await someExam(db());
      const byUser = await db().feedback.add({
        examId,
        agree: true,
        author: 'Alice',
        recordedBy: ' user alice ',
      });
      const byTablet = await db().feedback.add({
        examId,
        agree: false,
        author: 'Ann',
        source: 'tablet',
        recordedBy: 'device DR-1',
      });
      const anonymous = await db().feedback.add({ examId, agree: true, author: 'Old client' });
      expect(byUser.recordedBy).toBe('user alice');
      expect(byTablet.recordedBy).toBe('device DR-1');
      expect(anonymous.recordedBy).toBeNull();
      expect(await db().feedback.listForExam(examId)).toEqual([anonymous, byTablet, byUser]);
      const tooLong = db().feedback.add({ examId, agree: true, author: 'A', recordedBy: 'x'.repeat(129) });
      expect((await errorOf(tooLong)).code).toBe('BAD_QUERY');
    });
  });
}
