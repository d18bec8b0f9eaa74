import { Controller, Get, Inject, Optional, Req, Res } from '@nestjs/common';
import { roleAllows } from '@spineqc/contracts';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MessageBus } from '@spineqc/bus';
import type { Database } from '@spineqc/database';
import type { ObjectStorage } from '@spineqc/storage';
import type { Request, Response } from 'express';
import { Authenticator } from '../auth/authenticator.js';
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
    private readonly authenticator: Authenticator,
    @Optional() @Inject(MODEL_PROBE) private readonly model?: HealthProbe,
  ) {}

  @Get('healthz')
  @Public()
  @ApiOperation({
    summary:
      'Liveness (the process answers) and readiness of bus, database, storage and model; the details (versions, ' +
      'paths, errors) only for a caller allowed to read metrics',
  })
  async health(@Req() request: Request, @Res() response: Response) {
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
    // Open to load balancers and probes, which need the status only; paths and versions are for operators.
    const principal = await this.authenticator
      .resolve({ authorization: request.headers.authorization, cookie: request.headers.cookie })
      .catch(() => null);
    const detailed = principal !== null && roleAllows(principal.role, 'metrics.read');
    const shown = detailed
      ? checks
      : Object.fromEntries(Object.entries(checks).map(([name, check]) => [name, { ok: check.ok }]));
    response.status(ready ? 200 : 503).json({ live: true, ready, checks: shown });
  }
}

function asFailure(error: unknown) {
  return { ok: false, detail: (error as Error).message ?? String(error) };
}
