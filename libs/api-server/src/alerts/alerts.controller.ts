import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Database } from '@spineqc/database';
import { answered } from '../errors/answered.js';
import { ApiError } from '../errors/api-error.js';
import { DATABASE } from '../tokens.js';
import { parseInput } from '../validation/parse.js';
import { alertsQuerySchema } from '../webhooks/webhook-request.js';
import { Requires } from '../auth/requires.decorator.js';

@ApiTags('alerts')
@Controller('api/alerts')
@Requires('alerts.read')
export class AlertsController {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  @Get()
  @ApiOperation({
    summary: 'Alerts raised by the rules, newest first: rule, subject, message, the exams behind it',
  })
  list(@Query() query: Record<string, unknown>) {
    return answered(() => this.db.alerts.list(parseInput(alertsQuerySchema, query)));
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    const alert = await this.db.alerts.get(id);
    if (!alert) throw new ApiError('NOT_FOUND', `no alert ${id}`);
    return alert;
  }
}
