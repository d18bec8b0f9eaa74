import { Body, Controller, Get, Inject, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { hashPassword } from '@spineqc/auth';
import {
  createAccountRequestSchema,
  updateAccountRequestSchema,
  type AccountJson,
  type AccountListJson,
} from '@spineqc/contracts';
import type { Database } from '@spineqc/database';
import type { Request } from 'express';
import { z } from 'zod';
import { answered } from '../errors/answered.js';
import { DATABASE } from '../tokens.js';
import { parseInput } from '../validation/parse.js';
import { toAccountJson } from './account-json.js';
import { AuditService } from './audit.service.js';
import { CurrentPrincipal } from './current-principal.decorator.js';
import type { Principal } from './principal.js';
import { Requires } from './requires.decorator.js';
import { provisionAccount } from './provisioning.js';
import { LiveHub } from '../live/live-hub.js';

const accountIdSchema = z.uuid();

@ApiTags('accounts')
@Controller('api/accounts')
@Requires('accounts.manage')
export class AccountsController {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly audit: AuditService,
    private readonly live: LiveHub,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every account (technologists, QA managers, administrators)' })
  async list(): Promise<AccountListJson> {
    return { items: (await this.db.accounts.list()).map(toAccountJson) };
  }

  @Post()
  @ApiOperation({
    summary: 'Create an account with a role and an initial password (409 if the name is taken)',
  })
  async create(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<AccountJson> {
    const input = parseInput(createAccountRequestSchema, body ?? {});
    const account = await answered(() => provisionAccount(this.db, input));
    await this.audit.record({
      action: 'account.created',
      actor: principal,
      target: `account ${account.username}`,
      detail: { role: account.role },
      request,
    });
    return toAccountJson(account);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Change display name, role, password, or disable; disabling or a new password ends its sessions and ' +
      'tokens. The last administrator cannot be demoted or disabled (409).',
  })
  async update(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<AccountJson> {
    const accountId = parseInput(accountIdSchema, id);
    const input = parseInput(updateAccountRequestSchema, body ?? {});
    const { password, ...changes } = input;
    const account = await answered(async () =>
      this.db.accounts.update(accountId, {
        ...changes,
        ...(password ? { passwordHash: await hashPassword(password) } : {}),
      }),
    );
    if (password || input.disabled) {
      await this.db.tokens.revokeForAccount(accountId, new Date());
      await this.live.disconnectWhere((principal) => principal.id === accountId);
    }
    await this.audit.record({
      action: 'account.updated',
      actor: principal,
      target: `account ${account.username}`,
      detail: { ...changes, ...(password ? { passwordReset: true } : {}) },
      request,
    });
    return toAccountJson(account);
  }
}
