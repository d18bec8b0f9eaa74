import { describe, expect, it } from 'vitest';
import {
  EMPTY_TABLET_DRAFT,
  EMPTY_TOKEN_DRAFT,
  sortTokens,
  tabletProblems,
  tabletRequest,
  tokenProblems,
  tokenRequest,
  tokenState,
} from './token-form';

const NOW = new Date('2026-11-27T12:00:00Z');

describe('token drafts', () => {
  it('needs a name', () => {
    expect(tokenProblems(EMPTY_TOKEN_DRAFT).name).toBeDefined();
    expect(tokenProblems({ ...EMPTY_TOKEN_DRAFT, name: 'x'.repeat(65) }).name).toMatch(/64/);
    expect(tokenProblems({ ...EMPTY_TOKEN_DRAFT, name: 'PACS bridge' })).toEqual({});
  });

  it('sends the expiry in days, or none for a token that lasts until revoked', () => {
    expect(tokenRequest({ name: ' PACS bridge ', role: 'ingest', expiresInDays: '90' })).toEqual({
      role: 'ingest',
      name: 'PACS bridge',
      expiresInDays: 90,
    });
    expect(tokenRequest({ name: 'Reports', role: 'qa_manager', expiresInDays: '' })).toEqual({
      role: 'qa_manager',
      name: 'Reports',
    });
  });
});

describe('tablet drafts', () => {
  it('needs a room and a name', () => {
    expect(Object.keys(tabletProblems(EMPTY_TABLET_DRAFT)).sort()).toEqual(['name', 'station']);
    expect(tabletProblems({ station: 'DR-ROOM-1', name: 'Console tablet' })).toEqual({});
  });

  it('pairs with role device and the station', () => {
    expect(tabletRequest({ station: ' DR-ROOM-1 ', name: ' Console tablet ' })).toEqual({
      role: 'device',
      name: 'Console tablet',
      station: 'DR-ROOM-1',
    });
  });
});

describe('tokenState', () => {
  it('is revoked, expired or active', () => {
    expect(tokenState({ revokedAt: '2026-11-01T00:00:00Z', expiresAt: null }, NOW)).toBe('revoked');
    expect(tokenState({ revokedAt: null, expiresAt: '2026-11-27T11:59:59Z' }, NOW)).toBe('expired');
    expect(tokenState({ revokedAt: null, expiresAt: '2026-12-27T00:00:00Z' }, NOW)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt: null }, NOW)).toBe('active');
  });
});

describe('sortTokens', () => {
  it('puts working tokens first, newest first within each group', () => {
    const tokens = [
      { id: 'old', createdAt: '2026-01-01T00:00:00Z', revokedAt: null, expiresAt: null },
      {
        id: 'revoked',
        createdAt: '2026-11-01T00:00:00Z',
        revokedAt: '2026-11-02T00:00:00Z',
        expiresAt: null,
      },
      { id: 'new', createdAt: '2026-10-01T00:00:00Z', revokedAt: null, expiresAt: null },
    ];
    expect(sortTokens(tokens, NOW).map((t) => t.id)).toEqual(['new', 'old', 'revoked']);
  });
});
