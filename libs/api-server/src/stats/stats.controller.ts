import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Database } from '@spineqc/database';
import { statsQuerySchema } from '../exams/exam-query.js';
import { DATABASE } from '../tokens.js';
import { parseInput } from '../validation/parse.js';
import { Requires } from '../auth/requires.decorator.js';

@ApiTags('stats')
@Controller('api/stats')
@Requires('stats.read')
export class StatsController {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  @Get()
  @ApiOperation({
    summary:
      'Counts and unqualified rates per day or week, grouped by technologist, station, view or criterion',
  })
  @ApiQuery({ name: 'period', required: false, enum: ['day', 'week'] })
  @ApiQuery({ name: 'groupBy', required: false, enum: ['technologist', 'station', 'view', 'criterion'] })
  @ApiQuery({ name: 'station', required: false })
  @ApiQuery({ name: 'technologist', required: false })
  @ApiQuery({ name: 'view', required: false, enum: ['ap', 'lateral', 'oblique'] })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  async stats(@Query() query: Record<string, unknown>) {
    const q = parseInput(statsQuerySchema, query);
    return { period: q.period, groupBy: q.groupBy, rows: await this.db.exams.stats(q) };
  }
}
