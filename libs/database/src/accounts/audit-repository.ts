import type { PrismaClient } from '../generated/prisma/client.js';
import { checkAuditEvent } from './audit-input.js';
import { listAudit } from './list-audit.js';
import { toAuditEvent } from './mappers.js';
import type { AuditEvent, AuditPage, ListAuditQuery, RecordAuditInput } from './types.js';

/** The audit log: logins, configuration changes, feedback. Append-only. */
export interface AuditRepository {
  /** Over-long text is cut rather than refused; BAD_QUERY for an unknown action, an empty actor or a bad detail. */
  record(input: RecordAuditInput): Promise<AuditEvent>;
  /** Newest first; BAD_CURSOR / BAD_QUERY for a bad cursor, limit or action. */
  list(query?: ListAuditQuery): Promise<AuditPage>;
}

export function createAuditRepository(prisma: PrismaClient): AuditRepository {
  return {
    async record(input) {
      return toAuditEvent(await prisma.auditEvent.create({ data: checkAuditEvent(input) }));
    },
    list: (query = {}) => listAudit(prisma, query),
  };
}
