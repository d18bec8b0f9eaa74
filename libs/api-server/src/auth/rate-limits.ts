import { Inject, Injectable } from '@nestjs/common';
import { RateLimiter } from '@spineqc/auth';
import type { SpineqcConfig } from '@spineqc/config';
import { ApiError } from '../errors/api-error.js';
import { CONFIG } from '../tokens.js';

const FIFTEEN_MINUTES_S = 15 * 60;

/**
 * Per-process budgets: sign-in attempts per account name and per client address (guessing passwords), and images
 * per caller (a runaway integration must not starve the rooms). Several API replicas each keep their own.
 */
@Injectable()
export class RateLimits {
  private readonly loginByName: RateLimiter;
  private readonly loginByAddress: RateLimiter;
  private readonly ingest: RateLimiter;

  constructor(@Inject(CONFIG) config: SpineqcConfig) {
    const attempts = config.auth.loginAttemptsPer15Min;
    const login = { capacity: attempts, refillPerSecond: attempts / FIFTEEN_MINUTES_S };
    this.loginByName = new RateLimiter(login);
    // One address may front several people (a ward PC), so it gets a few accounts' worth.
    this.loginByAddress = new RateLimiter({
      ...login,
      capacity: attempts * 5,
      refillPerSecond: (attempts * 5) / FIFTEEN_MINUTES_S,
    });
    const perMinute = config.auth.ingestPerMinute;
    this.ingest = new RateLimiter({ capacity: perMinute, refillPerSecond: perMinute / 60 });
  }

  /** Counts one sign-in attempt; throws RATE_LIMITED when either budget is spent. */
  takeLogin(name: string, address: string) {
    refuseUnless(this.loginByAddress.take(`ip:${address}`), 'too many sign-in attempts from this address');
    refuseUnless(this.loginByName.take(`user:${name}`), 'too many sign-in attempts for this account');
  }

  /** A successful sign-in clears the account's failures (the address keeps its count). */
  loginSucceeded(name: string) {
    this.loginByName.reset(`user:${name}`);
  }

  takeIngest(caller: string) {
    refuseUnless(this.ingest.take(caller), 'too many images from this caller (SPINEQC_INGEST_PER_MINUTE)');
  }
}

function refuseUnless(
  result: { allowed: true } | { allowed: false; retryAfterSeconds: number },
  message: string,
): void {
  if (result.allowed) return;
  throw new ApiError('RATE_LIMITED', `${message}; try again in ${result.retryAfterSeconds} s`, {
    retryAfterSeconds: result.retryAfterSeconds,
  });
}
