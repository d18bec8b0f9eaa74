import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ApiHarness } from './api-harness.js';

const PASSWORD = 'technologist-password-long';

// Sign-in, sessions, revocation and the audit log, against the real API, PGlite and argon2.
describe('accounts, sessions and tokens', () => {
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await startHarness('DR-HARNESS', { SPINEQC_LOGIN_ATTEMPTS_PER_15_MIN: '4' });
  });

  afterAll(async () => {
    await harness?.close();
  });

  const request = async (
    method: string,
    path: string,
    options: { token?: string; cookie?: string; body?: unknown } = {},
  ) => {
    const response = await fetch(`${harness.baseUrl}${path}`, {
      method,
      headers: {
        ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
        ...(options.cookie ? { Cookie: options.cookie } : {}),
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  };
  const signIn = (username: string, password: string) =>
    request('POST', '/api/auth/login', { body: { username, password } });
  const cookieOf = (headers: Headers) => headers.get('set-cookie')!.split(';')[0];

  it('signs a person in with an HttpOnly, SameSite=Strict cookie that then authenticates', async () => {
    const signedIn = await signIn('technologist-1', PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ kind: 'user', username: 'technologist-1', role: 'technologist' });
    const setCookie = signedIn.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^spineqc_session=sqc_s_/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const me = await request('GET', '/api/auth/me', { cookie: cookieOf(signedIn.headers) });
    expect(me.body).toMatchObject({
      username: 'technologist-1',
      permissions: expect.arrayContaining(['exams.read']),
    });

    const out = await request('POST', '/api/auth/logout', { cookie: cookieOf(signedIn.headers) });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await request('GET', '/api/auth/me', { cookie: cookieOf(signedIn.headers) })).status).toBe(401);
  });

  it('answers the same for an unknown name and a wrong password, audits both, and limits guessing', async () => {
    const wrong = await signIn('technologist-1', 'not the password at all');
    const unknown = await signIn('nobody-here', 'not the password at all');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await signIn('nobody-here', 'still wrong password')).status);
    expect(statuses).toContain(429);
    const limited = await signIn('nobody-here', 'still wrong password');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const audit = await request('GET', '/api/audit?action=login.failed', { token: harness.tokens.admin });
    expect(audit.body.items.map((e: { actor: string }) => e.actor)).toEqual(
      expect.arrayContaining(['technologist-1', 'nobody-here']),
    );
    expect(JSON.stringify(audit.body)).not.toContain('not the password');
  });

  it('creates accounts, applies a demotion at once, and ends sessions when disabled', async () => {
    const created = await request('POST', '/api/accounts', {
      token: harness.tokens.admin,
      body: {
        username: 'Grace.Qa',
        displayName: 'Grace',
        role: 'qa_manager',
        password: 'grace-password-long',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'grace.qa', role: 'qa_manager', disabled: false });
    expect(JSON.stringify(created.body)).not.toMatch(/password|argon/i);
    const taken = await request('POST', '/api/accounts', {
      token: harness.tokens.admin,
      body: { username: 'grace.qa', displayName: 'G', role: 'admin', password: 'another-password-1' },
    });
    expect(taken.status).toBe(409);

    const cookie = cookieOf((await signIn('grace.qa', 'grace-password-long')).headers);
    expect((await request('GET', '/api/alerts', { cookie })).status).toBe(200);
    await request('PATCH', `/api/accounts/${created.body.id}`, {
      token: harness.tokens.admin,
      body: { role: 'technologist' },
    });
    expect((await request('GET', '/api/alerts', { cookie })).status).toBe(403);
    await request('PATCH', `/api/accounts/${created.body.id}`, {
      token: harness.tokens.admin,
      body: { disabled: true },
    });
    expect((await request('GET', '/api/auth/me', { cookie })).status).toBe(401);
    expect((await signIn('grace.qa', 'grace-password-long')).status).toBe(401);
  });

  it('never demotes or disables the last administrator', async () => {
    const admins = (await request('GET', '/api/accounts', { token: harness.tokens.admin })).body.items.filter(
      (a: { role: string }) => a.role === 'admin',
    );
    expect(admins).toHaveLength(1);
    const refused = await request('PATCH', `/api/accounts/${admins[0].id}`, {
      token: harness.tokens.admin,
      body: { role: 'technologist' },
    });
    expect(refused.status).toBe(409);
  });

  it('changes a password and ends the other sessions of the account', async () => {
    const first = cookieOf((await signIn('qa-manager-1', 'qa_manager-password-long')).headers);
    const second = cookieOf((await signIn('qa-manager-1', 'qa_manager-password-long')).headers);
    const changed = await request('POST', '/api/auth/password', {
      cookie: first,
      body: { currentPassword: 'qa_manager-password-long', newPassword: 'a-brand-new-password' },
    });
    expect(changed.status).toBe(204);
    expect((await request('GET', '/api/auth/me', { cookie: first })).status).toBe(200);
    expect((await request('GET', '/api/auth/me', { cookie: second })).status).toBe(401);
    expect((await signIn('qa-manager-1', 'a-brand-new-password')).status).toBe(200);
  });

  it('issues a token once, lists it without the secret, and revokes it at once', async () => {
    const created = await request('POST', '/api/tokens', {
      token: harness.tokens.admin,
      body: { role: 'ingest', name: 'PACS router', expiresInDays: 30 },
    });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^sqc_a_/);
    const listed = await request('GET', '/api/tokens?kind=api', { token: harness.tokens.admin });
    const entry = listed.body.items.find((t: { id: string }) => t.id === created.body.id);
    expect(entry).toMatchObject({ name: 'PACS router', role: 'ingest', revokedAt: null });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    expect((await request('GET', '/api/auth/me', { token: created.body.token })).status).toBe(200);
    expect(
      (await request('DELETE', `/api/tokens/${created.body.id}`, { token: harness.tokens.admin })).status,
    ).toBe(200);
    expect((await request('GET', '/api/auth/me', { token: created.body.token })).status).toBe(401);
    const audit = await request('GET', '/api/audit', { token: harness.tokens.admin });
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['token.created', 'token.revoked', 'account.created']));
  });

  it('pairs a tablet: its token signs in and the cookie is bound to the station', async () => {
    const paired = await request('POST', '/api/tokens', {
      token: harness.tokens.admin,
      body: { role: 'device', name: 'DR-7 tablet', station: 'DR-7' },
    });
    expect(paired.body.token).toMatch(/^sqc_d_/);
    const signedIn = await request('POST', '/api/auth/login', { body: { deviceToken: paired.body.token } });
    expect(signedIn.body).toMatchObject({ role: 'device', station: 'DR-7' });
    const cookie = cookieOf(signedIn.headers);
    expect((await request('GET', '/api/exams?station=DR-7', { cookie })).status).toBe(200);
    expect((await request('GET', '/api/exams?station=DR-8', { cookie })).status).toBe(403);
    const wrong = await request('POST', '/api/auth/login', { body: { deviceToken: harness.tokens.ingest } });
    expect(wrong.status).toBe(401);
  });
});
