// The DICOM entry point under arbitrary damage, with its real adapters (PGlite, local files, the
// in-process bus, the real decoder): a data set as a C-STORE SCP hands it over (bare, transfer syntax
// from the presentation context) or as STOW-RS does (Part 10), truncated, overwritten or with absurd
// lengths, is either accepted or refused with a sender-facing code — never an internal error — and
// every refusal is recorded with the bytes kept.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessBus } from '@spineqc/bus';
import { loadConfig } from '@spineqc/config';
import { openDatabase, type Database } from '@spineqc/database';
import { decodeRadiographAsync, TRANSFER_SYNTAX } from '@spineqc/imaging';
import { silentLogger } from '@spineqc/logging';
import { LocalFileStorage } from '@spineqc/storage';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isApiError } from '../errors/api-error.js';
import { LiveHub } from '../live/live-hub.js';
import { Metrics } from '../metrics/metrics.js';
import { IngestService } from './ingest.service.js';
import { dxFilm } from './testing/dx-film.js';

const config = loadConfig({ SPINEQC_PATIENT_ID_KEY: 'test-key-0123456789abcdef' });

const part10 = dxFilm(48, 40);
/** The bare data set after the file meta group, as C-STORE delivers it. */
const bare = part10.subarray(132 + 12 + new DataView(part10.buffer, part10.byteOffset).getUint32(140, true));

const damage = fc.oneof(
  fc.nat().map((at) => (b: Uint8Array) => b.subarray(0, at % b.length)),
  fc
    .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })
    .map((writes) => (b: Uint8Array) => {
      for (const [at, value] of writes) b[at % b.length] = value;
      return b;
    }),
  fc
    .tuple(fc.nat(), fc.constantFrom(0xffffffff, 0xfffffff0, 0x7fffffff, 0xffff, 0))
    .map(([at, value]) => (b: Uint8Array) => {
      new DataView(b.buffer, b.byteOffset).setUint32(at % (b.length - 4), value, true);
      return b;
    }),
);

describe('ingest of damaged DICOM (property)', () => {
  let dir: string;
  let db: Database;
  let storage: LocalFileStorage;
  let bus: InProcessBus;
  let ingest: IngestService;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spineqc-ingest-property-'));
    db = await openDatabase({ url: 'pglite://memory' });
    storage = new LocalFileStorage(dir);
    bus = new InProcessBus({ partitions: 1 });
    await bus.connect();
    const pool = { decode: decodeRadiographAsync, close: async () => undefined };
    ingest = new IngestService(config, db, storage, bus, pool, silentLogger, new LiveHub(), new Metrics());
  });

  afterAll(async () => {
    await bus.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('accepts or refuses with a sender-facing code, and records every refusal', async () => {
    await fc.assert(
      fc.asyncProperty(damage, fc.boolean(), async (mutate, viaCStore) => {
        const bytes = mutate(Uint8Array.from(viaCStore ? bare : part10));
        const before = new Set((await db.exams.ingestFailures({ limit: 500 })).map((f) => f.id));
        try {
          await ingest.ingest(
            viaCStore
              ? { bytes, source: 'c-store', transferSyntaxUid: TRANSFER_SYNTAX.explicitLittleEndian }
              : { bytes, source: 'stow-rs' },
          );
          return;
        } catch (error) {
          expect(isApiError(error), String(error)).toBe(true);
          const code = (error as { code: string }).code;
          expect(code).not.toBe('INTERNAL');
          const recorded = (await db.exams.ingestFailures({ limit: 500 })).filter((f) => !before.has(f.id));
          expect(recorded).toHaveLength(1);
          expect(recorded[0]).toMatchObject({
            errorCode: code,
            storageKey: expect.stringMatching(/^rejected\//),
          });
        }
      }),
      { numRuns: 80, seed: 31 },
    );
  });
});
