import type { IngestSource } from '@spineqc/contracts';
import type { IngestSource as DbIngestSource } from '../generated/prisma/enums.js';

// Prisma enum members must be identifiers; the database stores the contract's spelling ("c-store") via @map.
const TO_DB: Record<IngestSource, DbIngestSource> = {
  'c-store': 'c_store',
  'stow-rs': 'stow_rs',
  upload: 'upload',
};
const FROM_DB: Record<DbIngestSource, IngestSource> = {
  c_store: 'c-store',
  stow_rs: 'stow-rs',
  upload: 'upload',
};

export function toDbSource(source: IngestSource): DbIngestSource {
  return TO_DB[source];
}

export function fromDbSource(source: DbIngestSource): IngestSource {
  return FROM_DB[source];
}
