import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Database } from '@spineqc/database';
import { z } from 'zod';
import { DATABASE } from '../tokens.js';
import { parseInput } from '../validation/parse.js';
import { Requires } from '../auth/requires.decorator.js';

const querySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

/**
 * What was refused at the door and why; the original bytes are kept under `storageKey` until retention deletes them
 * (`purgedAt`), the record itself stays.
 */
@ApiTags('ingest')
@Controller('api/ingest-failures')
@Requires('ingest-failures.read')
export class IngestFailuresController {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  @Get()
  @ApiOperation({ summary: 'Refused images, newest first: source, error code, reason, sender' })
  @ApiQuery({ name: 'limit', required: false, description: '1–500, default 50' })
  async list(@Query() query: Record<string, unknown>) {
    return { items: await this.db.exams.ingestFailures(parseInput(querySchema, query)) };
  }
}
