import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Database } from '@spineqc/database';
import { answered } from '../errors/answered.js';
import { ApiError } from '../errors/api-error.js';
import { DATABASE } from '../tokens.js';
import { parseInput } from '../validation/parse.js';
import { deliveriesQuerySchema } from './webhook-request.js';

@ApiTags('webhooks')
@Controller('api/webhooks/deliveries')
export class WebhookDeliveriesController {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

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
  redeliver(@Param('id') id: string) {
    return answered(() => this.db.webhooks.redeliver(id, new Date()));
  }
}
