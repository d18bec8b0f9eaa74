import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/processes.js';

/** `docker compose` (v2 plugin) where installed, else Debian's docker-compose; both read the Compose spec. */
function composeConfig(): { status: number | null; stdout: string; stderr: string } {
  const env = {
    ...process.env,
    POSTGRES_PASSWORD: 'ci-only',
    SPINEQC_PATIENT_ID_KEY: 'ci-only-key-0123456789',
  };
  const v2 = spawnSync('docker', ['compose', 'config'], { cwd: REPO, env, encoding: 'utf8' });
  if (v2.status === 0) return v2;
  return spawnSync('docker-compose', ['config'], { cwd: REPO, env, encoding: 'utf8' });
}

describe('docker-compose.yml', () => {
  it('is a valid Compose file with Kafka, PostgreSQL, the API, GPU inference workers and the dashboard', () => {
    const result = composeConfig();
    expect(result.status, result.stderr).toBe(0);
    for (const service of ['kafka:', 'postgres:', 'api:', 'inference:', 'dashboard:'])
      expect(result.stdout).toContain(service);
    expect(result.stdout).toMatch(/capabilities:\s*\n\s*- gpu/);
    expect(result.stdout).toContain('apps/inference/dist/main.js');
    expect(result.stdout).toContain('apps/dashboard/server/dist/main.js');
  });
});
