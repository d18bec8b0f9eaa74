import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRepository } from '../test/repository-suite.js';
import { criteriaFor, judged, received } from '../test/fixtures.js';
import { DEFAULT_MIGRATIONS_DIR, openDatabase, type DatabaseLogger } from './index.js';

describe('exam repository on embedded PGlite (pglite://memory)', () => {
  describeRepository(() => openDatabase({ url: 'pglite://memory' }));
});

function recordingLogger(): DatabaseLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(m),
    warn: (m) => lines.push(`warn: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
  };
}

describe('embedded PGlite on disk (pglite://<directory>)', () => {
  it('keeps the history across a restart and migrates only once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spineqc-db-'));
    try {
      const url = `pglite://${join(dir, 'db')}`;
      const firstLog = recordingLogger();
      const first = await openDatabase({ url, logger: firstLog });
      const { exam } = await first.exams.recordReceived(received({ station: 'DR-persist' }));
      const { exam: detail } = await first.exams.recordVerdict(
        judged(exam, { criteria: criteriaFor('ap', ['l3-double-contour']) }),
      );
      await first.close();
      const migrations = (await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })).filter((entry) =>
        entry.isDirectory(),
      );
      expect(firstLog.lines.filter((line) => line.startsWith('applied migration'))).toHaveLength(
        migrations.length,
      );

      const secondLog = recordingLogger();
      const second = await openDatabase({ url, logger: secondLog });
      try {
        expect(await second.exams.getExam(exam.id)).toEqual(detail);
        expect((await second.exams.listExams({ station: 'DR-persist' })).total).toBe(1);
        expect(secondLog.lines).toEqual([]);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('embedded PGlite directory lock', () => {
  it('refuses a second opening of the same directory until the first is closed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spineqc-db-'));
    try {
      const url = `pglite://${join(dir, 'db')}`;
      const first = await openDatabase({ url });
      const error = await openDatabase({ url }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'IN_USE' });
      await first.close();
      await (await openDatabase({ url })).close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spineqc-db-'));
    try {
      const dataDir = join(dir, 'db');
      // A pid above the kernel's pid_max (4194304) names no process.
      await writeFile(`${dataDir}.lock`, JSON.stringify({ pid: 4_194_305, host: hostname() }));
      await (await openDatabase({ url: `pglite://${dataDir}` })).close();
      await writeFile(`${dataDir}.lock`, JSON.stringify({ pid: process.pid, host: hostname() }));
      await (await openDatabase({ url: `pglite://${dataDir}` })).close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
