import { randomBytes } from 'node:crypto';
import { passwordSchema } from '@spineqc/contracts';
import { UsageError } from '../errors.js';

/** A password read from standard input (first line), so it never appears in the process list or shell history. */
export async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  const checked = passwordSchema.safeParse(password);
  if (!checked.success)
    throw new UsageError(`password: ${checked.error.issues[0]?.message ?? 'not accepted'}`);
  return password;
}

/** 20 random characters from an unambiguous alphabet (≈ 115 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(40);
  let password = '';
  // Rejection sampling keeps every character equally likely.
  for (const byte of bytes) {
    if (byte < 256 - (256 % alphabet.length)) password += alphabet[byte % alphabet.length];
    if (password.length === 20) return password;
  }
  return password + generatePassword().slice(password.length);
}
