// Password hashing with argon2id, encoded as a PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash).
import { randomBytes } from 'node:crypto';
import { hash, parseOptions, verify } from '@node-rs/argon2';
import type { Algorithm, Options, Version } from '@node-rs/argon2';

// The binding declares these as ambient const enums, which isolated modules cannot inline; the values are stable.
const ARGON2ID: Algorithm = 2;
const VERSION_0X13: Version = 1;

/**
 * OWASP Password Storage Cheat Sheet, first argon2id option: 19 MiB, 2 passes, 1 lane. Memory-hard enough to make
 * GPU guessing expensive while a login costs tens of milliseconds and 19 MiB, so a burst of logins on a small
 * server cannot exhaust its memory.
 */
const CURRENT: Required<Pick<Options, 'memoryCost' | 'timeCost' | 'parallelism' | 'outputLen'>> = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
};
const SALT_BYTES = 16;

/** NIST SP 800-63B: normalise so the same password typed on another keyboard or OS still matches. */
function normalise(password: string): string {
  return password.normalize('NFKC');
}

export async function hashPassword(password: string): Promise<string> {
  return hash(normalise(password), { ...CURRENT, algorithm: ARGON2ID, version: VERSION_0X13 });
}

/** False for a wrong password and for anything that is not a valid argon2 hash; never throws. */
export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  try {
    return await verify(encoded, normalise(password));
  } catch {
    return false;
  }
}

/** True when the hash was made with weaker settings than today's (or cannot be read), so it should be replaced. */
export function needsRehash(encoded: string): boolean {
  let used;
  try {
    used = parseOptions(encoded);
  } catch {
    return true;
  }
  return (
    used.algorithm !== ARGON2ID ||
    used.version !== VERSION_0X13 ||
    used.memoryCost < CURRENT.memoryCost ||
    used.timeCost < CURRENT.timeCost ||
    used.parallelism < CURRENT.parallelism ||
    used.outputLen < CURRENT.outputLen ||
    used.saltLen < SALT_BYTES
  );
}

let dummy: Promise<string> | undefined;

/**
 * A valid hash, with today's settings, of a random string nobody knows. Verify a login for an unknown user against
 * it so that the answer takes as long as for a known one and does not reveal which usernames exist.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(32).toString('base64url')).catch((error: unknown) => {
    dummy = undefined;
    throw error;
  });
  return dummy;
}
