import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
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

@ApiTags('webhooks')
@Controller('api/webhooks/subscriptions')
export class WebhookSubscriptionsController {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CONFIG) private readonly config: SpineqcConfig,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Subscribe a URL to exam.judged and/or alert.raised (optional station/technologist/view filters). The ' +
      'answer carries the signing secret (Standard Webhooks) — the only time besides rotate-secret.',
  })
  async create(@Body() body: unknown) {
    const input = parseInput(createSubscriptionSchema, body);
    await answered(() => checkTargetUrl(input.url, targetPolicy(this.config)));
    return answered(() => this.db.webhooks.create({ ...input, secret: generateWebhookSecret() }));
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
  async update(@Param('id') id: string, @Body() body: unknown) {
    const input = parseInput(updateSubscriptionSchema, body);
    if (input.url !== undefined) {
      const url = input.url;
      await answered(() => checkTargetUrl(url, targetPolicy(this.config)));
    }
    return answered(() => this.db.webhooks.update(id, input));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id') id: string) {
    await answered(() => this.db.webhooks.delete(id));
  }

  @Post(':id/rotate-secret')
  @ApiOperation({ summary: 'A new signing secret (returned once); the old one stops at once' })
  async rotate(@Param('id') id: string) {
    return answered(() => this.db.webhooks.rotateSecret(id, generateWebhookSecret()));
  }
}
