import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Database } from '@spineqc/database';
import { answered } from '../errors/answered.js';
import { ApiError } from '../errors/api-error.js';
import { DATABASE } from '../tokens.js';
import { parseInput } from '../validation/parse.js';
import { deliveriesQuerySchema } from './webhook-request.js';
import { Requires } from '../auth/requires.decorator.js';
import { AuditService } from '../auth/audit.service.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import type { Request } from 'express';

@ApiTags('webhooks')
@Controller('api/webhooks/deliveries')
@Requires('webhooks.manage')
export class WebhookDeliveriesController {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The outbox, newest first, each delivery with every attempt (status, error, duration)',
  })
  list(@Query() query: Record<string, unknown>) {
    return answered(() => this.db.webhooks.listDeliveries(parseInput(deliveriesQuerySchema, query)));
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    const delivery = await this.db.webhooks.getDelivery(id);
    if (!delivery) throw new ApiError('NOT_FOUND', `no delivery ${id}`);
    return delivery;
  }

  @Post(':id/redeliver')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a delivered or dead-lettered delivery again (same webhook-id, so receivers can dedupe)',
  })
  async redeliver(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ) {
    const delivery = await answered(() => this.db.webhooks.redeliver(id, new Date()));
    await this.audit.record({
      action: 'webhook.delivery.redelivered',
      actor: principal,
      target: `delivery ${id}`,
      request,
    });
    return delivery;
  }
}
