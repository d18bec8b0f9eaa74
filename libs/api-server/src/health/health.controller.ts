import { Controller, Get, Inject, Optional, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MessageBus } from '@spineqc/bus';
import type { Database } from '@spineqc/database';
import type { ObjectStorage } from '@spineqc/storage';
import type { Response } from 'express';
import { BUS, DATABASE, MODEL_PROBE, STORAGE } from '../tokens.js';
import { Public } from '../auth/requires.decorator.js';

export interface HealthProbe {
  health(): Promise<{ ok: boolean; detail: string }>;
}

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    @Inject(BUS) private readonly bus: MessageBus,
    @Inject(DATABASE) private readonly db: Database,
    @Inject(STORAGE) private readonly storage: ObjectStorage,
    @Optional() @Inject(MODEL_PROBE) private readonly model?: HealthProbe,
  ) {}

  @Get('healthz')
  @Public()
  @ApiOperation({
    summary: 'Liveness (the process answers) and readiness of bus, database, storage and model',
  })
  async health(@Res() response: Response) {
    const probes: Record<string, HealthProbe> = { bus: this.bus, database: this.db, storage: this.storage };
    if (this.model) probes.model = this.model;
    const checks = Object.fromEntries(
      await Promise.all(
        Object.entries(probes).map(
          async ([name, probe]) => [name, await probe.health().catch(asFailure)] as const,
        ),
      ),
    );
    const ready = Object.values(checks).every((c) => c.ok);
    response.status(ready ? 200 : 503).json({ live: true, ready, checks });
  }
}

function asFailure(error: unknown) {
  return { ok: false, detail: (error as Error).message ?? String(error) };
}
