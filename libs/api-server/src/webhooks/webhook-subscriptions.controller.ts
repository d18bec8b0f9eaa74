import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SpineqcConfig } from '@spineqc/config';
import type { Database } from '@spineqc/database';
import { checkTargetUrl, generateWebhookSecret } from '@spineqc/webhooks';
import { answered } from '../errors/answered.js';
import { ApiError } from '../errors/api-error.js';
import { CONFIG, DATABASE } from '../tokens.js';
import { parseInput } from '../validation/parse.js';
import { targetPolicy } from './target-policy.js';
import { createSubscriptionSchema, updateSubscriptionSchema } from './webhook-request.js';
import { Requires } from '../auth/requires.decorator.js';
import { AuditService } from '../auth/audit.service.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import type { Request } from 'express';

@ApiTags('webhooks')
@Controller('api/webhooks/subscriptions')
@Requires('webhooks.manage')
export class WebhookSubscriptionsController {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CONFIG) private readonly config: SpineqcConfig,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Subscribe a URL to exam.judged and/or alert.raised (optional station/technologist/view filters). The ' +
      'answer carries the signing secret (Standard Webhooks) — the only time besides rotate-secret.',
  })
  async create(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    const input = parseInput(createSubscriptionSchema, body);
    await answered(() => checkTargetUrl(input.url, targetPolicy(this.config)));
    const created = await answered(() =>
      this.db.webhooks.create({ ...input, secret: generateWebhookSecret() }),
    );
    await this.audit.record({
      action: 'webhook.subscription.created',
      actor: principal,
      target: `subscription ${created.id}`,
      detail: { url: created.url, eventTypes: created.eventTypes },
      request,
    });
    return created;
  }

  @Get()
  @ApiOperation({ summary: 'Every subscription (secrets masked)' })
  async list() {
    return { items: await this.db.webhooks.list() };
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    const subscription = await this.db.webhooks.get(id);
    if (!subscription) throw new ApiError('NOT_FOUND', `no subscription ${id}`);
    return subscription;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the URL, events, filters, description or pause it (active: false)' })
  async update(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ) {
    const input = parseInput(updateSubscriptionSchema, body);
    if (input.url !== undefined) {
      const url = input.url;
      await answered(() => checkTargetUrl(url, targetPolicy(this.config)));
    }
    const updated = await answered(() => this.db.webhooks.update(id, input));
    await this.audit.record({
      action: 'webhook.subscription.updated',
      actor: principal,
      target: `subscription ${id}`,
      detail: { ...input },
      request,
    });
    return updated;
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    await answered(() => this.db.webhooks.delete(id));
    await this.audit.record({
      action: 'webhook.subscription.deleted',
      actor: principal,
      target: `subscription ${id}`,
      request,
    });
  }

  @Post(':id/rotate-secret')
  @ApiOperation({ summary: 'A new signing secret (returned once); the old one stops at once' })
  async rotate(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    const rotated = await answered(() => this.db.webhooks.rotateSecret(id, generateWebhookSecret()));
    await this.audit.record({
      action: 'webhook.subscription.secret-rotated',
      actor: principal,
      target: `subscription ${id}`,
      request,
    });
    return rotated;
  }
}
