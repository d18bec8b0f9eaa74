import { ROLES, type Role } from '@spineqc/contracts';
import { isUuid } from '../exams/uuid.js';
import { bad, checkName, checkOptionalName } from './text-input.js';
import type { CreateTokenInput, TokenKind } from './types.js';

export const TOKEN_KINDS: readonly TokenKind[] = ['session', 'api', 'device'];
export const MAX_TOKEN_NAME_LENGTH = 64;
const MAX_PREFIX_LENGTH = 16;
const MAX_STATION_LENGTH = 64;
const MAX_CREATED_BY_LENGTH = 64;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export interface CheckedToken {
  kind: TokenKind;
  tokenHash: string;
  prefix: string;
  name: string;
  role: Role;
  accountId: string | null;
  station: string | null;
  createdBy: string | null;
  expiresAt: Date | null;
}

/** The row to store, or BAD_QUERY naming the field at fault. */
export function checkCreateToken(input: CreateTokenInput): CheckedToken {
  if (!TOKEN_KINDS.includes(input.kind)) throw bad(`kind must be one of ${TOKEN_KINDS.join(', ')}`);
  if (!isTokenHash(input.tokenHash)) throw bad('tokenHash must be a lower-case hex SHA-256 (64 characters)');
  if (!ROLES.includes(input.role)) throw bad(`role must be one of ${ROLES.join(', ')}`);
  const accountId = input.accountId ?? null;
  if (accountId !== null && !isUuid(accountId)) throw bad('accountId must be a UUID');
  const station = checkOptionalName('station', input.station, MAX_STATION_LENGTH);
  // A tablet is confined to its station, so a device token without one (or a station on any other) is a mistake.
  if ((input.role === 'device') !== (station !== null))
    throw bad('a station goes with the device role, and only it');
  if (input.kind === 'device' && input.role !== 'device') throw bad('a device token has the device role');
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt !== null && Number.isNaN(expiresAt.getTime())) throw bad('expiresAt must be a valid date');
  return {
    kind: input.kind,
    tokenHash: input.tokenHash,
    prefix: checkName('prefix', input.prefix, MAX_PREFIX_LENGTH),
    name: checkName('name', input.name, MAX_TOKEN_NAME_LENGTH),
    role: input.role,
    accountId,
    station,
    createdBy: checkOptionalName('createdBy', input.createdBy, MAX_CREATED_BY_LENGTH),
    expiresAt,
  };
}

export function isTokenHash(value: string): boolean {
  return typeof value === 'string' && SHA256_HEX.test(value);
}
