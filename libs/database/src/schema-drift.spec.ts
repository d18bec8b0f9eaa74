import { describe, expect, it } from 'vitest';
import { prisma } from '../test/prisma-cli.js';

describe('committed migrations', () => {
  it('build exactly the schema in prisma/schema.prisma (no drift)', async () => {
    // No DATABASE_URL: prisma.config.ts replays the migrations into an in-memory PGlite shadow database.
    const result = await prisma([
      'migrate',
      'diff',
      '--from-migrations',
      'prisma/migrations',
      '--to-schema-datamodel',
      'prisma/schema.prisma',
      '--exit-code',
    ]);
    expect(result.output).toContain('No difference detected');
    expect(result.code).toBe(0);
  });
});
