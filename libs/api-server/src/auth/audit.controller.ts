import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AUDIT_ACTIONS, type AuditPageJson } from '@spineqc/contracts';
import type { Database } from '@spineqc/database';
import { z } from 'zod';
import { answered } from '../errors/answered.js';
import { DATABASE } from '../tokens.js';
import { parseInput } from '../validation/parse.js';
import { Requires } from './requires.decorator.js';

const auditQuerySchema = z
  .object({
    action: z.enum(AUDIT_ACTIONS).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
    cursor: z.string().min(1).max(200).optional(),
  })
  .strict();

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  @Get()
  @Requires('audit.read')
  @ApiQuery({ name: 'action', required: false, enum: [...AUDIT_ACTIONS] })
  @ApiQuery({ name: 'limit', required: false, description: '1–500, default 50' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiOperation({
    summary: 'The audit log: sign-ins, account/token/webhook changes, feedback — newest first',
  })
  async list(@Query() query: Record<string, unknown>): Promise<AuditPageJson> {
    const page = await answered(() => this.db.audit.list(parseInput(auditQuerySchema, query)));
    return {
      items: page.items.map((event) => ({
        id: event.id,
        at: event.at.toISOString(),
        action: event.action,
        actor: event.actor,
        target: event.target,
        detail: event.detail,
        remoteAddress: event.remoteAddress,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
