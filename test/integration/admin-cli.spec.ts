import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from './support/admin.js';
import { startEmbeddedServer, type EmbeddedServer } from './support/embedded-server.js';
import { getJson } from './support/http.js';

async function signIn(baseUrl: string, username: string, password: string) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

// `spineqc admin` works straight in the embedded database before the server starts, as an operator would use it;
// the first start then creates no second administrator, and what the command line made works against the API.
describe('spineqc admin', () => {
  let dir: string;
  let dataDir: string;
  let server: EmbeddedServer;
  let alicePassword: string;
  let ingestToken: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spineqc-admin-cli-'));
    dataDir = join(dir, 'data');
    const created = await runAdmin(['create-user', 'Alice', '--role', 'qa_manager', '--data-dir', dataDir]);
    expect(created).toContain('created qa_manager alice');
    alicePassword = /password: (\S+)/.exec(created)![1];
    await runAdmin(
      ['create-user', 'bob', '--role', 'technologist', '--password-stdin', '--data-dir', dataDir],
      {},
      'bobs-chosen-password\n',
    );
    ingestToken = (
      await runAdmin(['create-token', '--role', 'ingest', '--name', 'PACS router', '--data-dir', dataDir])
    ).trim();
    server = await startEmbeddedServer(dataDir);
  });

  afterAll(async () => {
    await server?.process.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates accounts and tokens that the API accepts, and no first-start admin when accounts exist', async () => {
    expect((await signIn(server.baseUrl, 'alice', alicePassword)).body).toMatchObject({ role: 'qa_manager' });
    expect((await signIn(server.baseUrl, 'bob', 'bobs-chosen-password')).body).toMatchObject({
      role: 'technologist',
    });
    expect(ingestToken).toMatch(/^sqc_a_/);
    expect((await getJson(`${server.baseUrl}/api/auth/me`, ingestToken)).body).toMatchObject({
      role: 'ingest',
    });
    await expect(stat(join(dataDir, 'initial-admin-password'))).rejects.toThrow();
    const audit = (await getJson(`${server.baseUrl}/api/audit?action=account.created`, server.token)).body;
    expect(audit.items.map((e: any) => e.actor)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^cli /)]),
    );
  });

  it('refuses to open the embedded database while the server holds it, saying why', async () => {
    await expect(runAdmin(['list-users', '--data-dir', dataDir])).rejects.toThrow(/is open in process/);
  });

  it('lists, resets passwords and revokes tokens once the server is stopped', async () => {
    await server.process.stop();
    const users = await runAdmin(['list-users', '--data-dir', dataDir]);
    expect(users).toMatch(/^alice\tqa_manager\tactive/m);
    const reset = await runAdmin(['set-password', 'alice', '--data-dir', dataDir]);
    const newPassword = /password: (\S+)/.exec(reset)![1];
    const tokens = await runAdmin(['list-tokens', '--data-dir', dataDir]);
    const router = tokens.split('\n').find((line) => line.endsWith('PACS router'))!;
    await runAdmin(['revoke-token', router.split('\t')[0], '--data-dir', dataDir]);
    server = await startEmbeddedServer(dataDir);
    expect((await signIn(server.baseUrl, 'alice', alicePassword)).status).toBe(401);
    expect((await signIn(server.baseUrl, 'alice', newPassword)).status).toBe(200);
    expect((await getJson(`${server.baseUrl}/api/auth/me`, ingestToken)).status).toBe(401);
  });

  it('writes the first administrator’s password to a file only its owner can read', async () => {
    const fresh = join(dir, 'fresh');
    const first = await startEmbeddedServer(fresh);
    try {
      const file = join(fresh, 'initial-admin-password');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const password = (await readFile(file, 'utf8')).trim();
      expect((await signIn(first.baseUrl, 'admin', password)).body).toMatchObject({ role: 'admin' });
      expect(first.process.output()).not.toContain(password);
    } finally {
      await first.process.stop();
    }
  });
});
