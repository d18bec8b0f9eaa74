import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl, redactPassword } from './database-url.js';
import { DatabaseError } from './errors.js';

describe('parseDatabaseUrl', () => {
  it('reads PostgreSQL and PGlite URLs', () => {
    expect(parseDatabaseUrl('postgres://u:p@db:5432/spineqc')).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://u:p@db:5432/spineqc',
    });
    expect(parseDatabaseUrl('postgresql://db/spineqc').kind).toBe('postgres');
    expect(parseDatabaseUrl('pglite://memory')).toEqual({ kind: 'pglite', dataDir: null });
    expect(parseDatabaseUrl('pglite:///var/lib/spineqc/db')).toEqual({
      kind: 'pglite',
      dataDir: '/var/lib/spineqc/db',
    });
    expect(parseDatabaseUrl('pglite://data/db')).toEqual({ kind: 'pglite', dataDir: resolve('data/db') });
  });

  it('refuses anything else without echoing a password', () => {
    for (const url of ['mysql://root:hunter2@db/x', 'pglite://', '/var/lib/db']) {
      const error = (() => {
        try {
          parseDatabaseUrl(url);
        } catch (e) {
          return e;
        }
      })() as DatabaseError;
      expect(error).toBeInstanceOf(DatabaseError);
      expect(error.code).toBe('BAD_URL');
      expect(error.message).not.toContain('hunter2');
    }
  });

  it('redacts the password of a URL', () => {
    expect(redactPassword('postgresql://spineqc:s3cr3t@db:5432/spineqc')).toBe(
      'postgresql://spineqc:***@db:5432/spineqc',
    );
    expect(redactPassword('postgresql://db/spineqc')).toBe('postgresql://db/spineqc');
  });
});
