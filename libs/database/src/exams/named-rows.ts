import type { Db } from './prisma-types.js';

// Lookup tables keyed by a unique name. Concurrent writers may both miss the row; `skipDuplicates` (INSERT … ON
// CONFLICT DO NOTHING) lets both insert without an error that would abort a transaction, and the second read finds it.
async function ensure(
  find: () => Promise<{ id: string } | null>,
  create: () => Promise<unknown>,
): Promise<string> {
  const existing = await find();
  if (existing) return existing.id;
  await create();
  const created = await find();
  if (!created) throw new Error('a row inserted with ON CONFLICT DO NOTHING is not visible');
  return created.id;
}

const idOnly = { id: true } as const;

/** null for '' (the sender named no station). */
export async function stationId(db: Db, name: string): Promise<string | null> {
  const key = name.trim();
  if (key === '') return null;
  return ensure(
    () => db.station.findUnique({ where: { name: key }, select: idOnly }),
    () => db.station.createMany({ data: [{ name: key }], skipDuplicates: true }),
  );
}

/** null for '' (the sender named no operator). */
export async function technologistId(db: Db, name: string): Promise<string | null> {
  const key = name.trim();
  if (key === '') return null;
  return ensure(
    () => db.technologist.findUnique({ where: { name: key }, select: idOnly }),
    () => db.technologist.createMany({ data: [{ name: key }], skipDuplicates: true }),
  );
}

export function modelVersionId(db: Db, name: string): Promise<string> {
  return ensure(
    () => db.modelVersion.findUnique({ where: { name }, select: idOnly }),
    () => db.modelVersion.createMany({ data: [{ name }], skipDuplicates: true }),
  );
}

export function rulesVersionId(db: Db, version: string): Promise<string> {
  return ensure(
    () => db.rulesVersion.findUnique({ where: { version }, select: idOnly }),
    () => db.rulesVersion.createMany({ data: [{ version }], skipDuplicates: true }),
  );
}
