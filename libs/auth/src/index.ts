export { AuthError, type AuthErrorCode } from './errors.js';
export { dummyHash, hashPassword, needsRehash, verifyPassword } from './passwords.js';
export {
  hashToken,
  looksLikeToken,
  mintToken,
  tokenKind,
  type MintedToken,
  type TokenKind,
} from './tokens.js';
export { clearedSessionCookie, readBearer, readCookie, sessionCookie } from './bearer.js';
export { RateLimiter, type RateDecision, type RateLimiterOptions } from './rate-limiter.js';
