import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { clearedSessionCookie, sessionCookie } from '@spineqc/auth';
import { changePasswordRequestSchema, loginRequestSchema, type SessionJson } from '@spineqc/contracts';
import type { SpineqcConfig } from '@spineqc/config';
import type { Request, Response } from 'express';
import { ApiError } from '../errors/api-error.js';
import { CONFIG } from '../tokens.js';
import { parseInput } from '../validation/parse.js';
import { AuditService } from './audit.service.js';
import { Authenticator } from './authenticator.js';
import { CurrentPrincipal } from './current-principal.decorator.js';
import { toSessionJson, type Principal } from './principal.js';
import { RateLimits } from './rate-limits.js';
import { Authenticated, Public } from './requires.decorator.js';
import { SessionsService } from './sessions.service.js';

const WRONG_CREDENTIALS = 'wrong username or password';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly authenticator: Authenticator,
    private readonly rateLimits: RateLimits,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: SpineqcConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign in with { username, password } (a person) or { deviceToken } (pairing a room tablet); sets the ' +
      'HttpOnly session cookie and answers who is signed in. 401 on wrong credentials, 429 after too many tries.',
  })
  async login(
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionJson> {
    const credentials = parseInput(loginRequestSchema, body ?? {});
    const address = request.ip ?? 'unknown';
    const tried = 'username' in credentials ? credentials.username : 'tablet pairing';
    // Pairing attempts are budgeted per address: tablets share no name.
    const budgetKey = 'username' in credentials ? credentials.username : `pairing@${address}`;
    this.rateLimits.takeLogin(budgetKey, address);
    const signIn =
      'username' in credentials
        ? await this.sessions.signInWithPassword(credentials.username, credentials.password)
        : this.sessions.deviceSignIn(credentials.deviceToken);
    const resolved = signIn && (await this.authenticator.resolve({ token: signIn.cookieToken }));
    // A pairing must be a live tablet token, not any other valid token pasted in.
    const principal = 'deviceToken' in credentials && resolved?.tokenKind !== 'device' ? null : resolved;
    if (!signIn || !principal) {
      await this.audit.record({ action: 'login.failed', actor: tried, request });
      throw new ApiError(
        'UNAUTHENTICATED',
        'username' in credentials
          ? WRONG_CREDENTIALS
          : 'this pairing token is not valid (revoked or mistyped)',
      );
    }
    this.rateLimits.loginSucceeded(budgetKey);
    await this.audit.record({ action: 'login.succeeded', actor: principal, request });
    response.setHeader(
      'Set-Cookie',
      sessionCookie(signIn.cookieToken, {
        maxAgeSeconds: signIn.maxAgeSeconds,
        secure: this.config.auth.cookieSecure,
      }),
    );
    return toSessionJson(principal);
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'End this dashboard session and clear its cookie' })
  async logout(
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.sessions.signOut(principal);
    await this.audit.record({ action: 'logout', actor: principal, request });
    response.setHeader('Set-Cookie', clearedSessionCookie(this.config.auth.cookieSecure));
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'Who is calling: name, role, permissions, the station of a tablet' })
  me(@CurrentPrincipal() principal: Principal): SessionJson {
    return toSessionJson(principal);
  }

  @Post('password')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: "Change one's own password (every other session of the account ends)" })
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Req() request: Request,
  ): Promise<void> {
    const input = parseInput(changePasswordRequestSchema, body ?? {});
    await this.sessions.changePassword(principal, input.currentPassword, input.newPassword);
    await this.audit.record({
      action: 'password.changed',
      actor: principal,
      target: principal.username,
      request,
    });
  }
}
