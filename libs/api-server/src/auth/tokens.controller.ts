import { Body, Controller, Delete, Get, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  createTokenRequestSchema,
  type CreatedTokenJson,
  type TokenJson,
  type TokenListJson,
} from '@spineqc/contracts';
import type { Database } from '@spineqc/database';
import type { Request } from 'express';
import { z } from 'zod';
import { ApiError } from '../errors/api-error.js';
import { DATABASE } from '../tokens.js';
import { parseInput } from '../validation/parse.js';
import { toTokenJson } from './account-json.js';
import { AuditService } from './audit.service.js';
import { CurrentPrincipal } from './current-principal.decorator.js';
import { describePrincipal, type Principal } from './principal.js';
import { Requires } from './requires.decorator.js';
import { provisionToken } from './provisioning.js';
import { LiveHub } from '../live/live-hub.js';

const tokenIdSchema = z.uuid();
const listQuerySchema = z.object({ kind: z.enum(['api', 'device']).optional() }).strict();

@ApiTags('tokens')
@Controller('api/tokens')
@Requires('accounts.manage')
export class TokensController {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly audit: AuditService,
    private readonly live: LiveHub,
  ) {}

  @Get()
  @ApiQuery({ name: 'kind', required: false, enum: ['api', 'device'] })
  @ApiOperation({ summary: 'API tokens and room-tablet pairings (never the tokens themselves)' })
  async list(@Query() query: Record<string, unknown>): Promise<TokenListJson> {
    const { kind } = parseInput(listQuerySchema, query);
    const tokens = await this.db.tokens.list({ kinds: kind ? [kind] : ['api', 'device'] });
    return { items: tokens.map(toTokenJson) };
  }

  @Post()
  @ApiOperation({
    summary:
      'Create an API token (role technologist, qa_manager, admin or ingest; optional expiry) or pair a room ' +
      'tablet (role device + station). The answer holds the token — the only time it is shown.',
  })
  async create(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<CreatedTokenJson> {
    const input = parseInput(createTokenRequestSchema, body ?? {});
    const { record, token } = await provisionToken(this.db, input, describePrincipal(principal));
    await this.audit.record({
      action: 'token.created',
      actor: principal,
      target: `token ${record.name} (${record.prefix}…)`,
      detail: { role: record.role, station: record.station },
      request,
    });
    return { ...toTokenJson(record), token };
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke a token; it stops working at once (a paired tablet is unpaired)' })
  async revoke(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<TokenJson> {
    const record = await this.db.tokens.revoke(parseInput(tokenIdSchema, id), new Date());
    if (!record) throw new ApiError('NOT_FOUND', `no token ${id}`);
    await this.live.disconnectWhere((principal) => principal.tokenId === record.id);
    await this.audit.record({
      action: 'token.revoked',
      actor: principal,
      target: `token ${record.name} (${record.prefix}…)`,
      request,
    });
    return toTokenJson(record);
  }
}
