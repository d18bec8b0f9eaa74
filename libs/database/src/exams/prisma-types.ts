import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

/** The client, or the client inside an interactive transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;
