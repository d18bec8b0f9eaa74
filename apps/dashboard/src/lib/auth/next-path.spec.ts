import { describe, expect, it } from 'vitest';
import { isSignInPage, loginHref, nextFromSearch, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps a path on this origin, with its query', () => {
    expect(safeNextPath('/qa')).toBe('/qa');
    expect(safeNextPath('/qa?station=DR-1&from=2026-01-01')).toBe('/qa?station=DR-1&from=2026-01-01');
    expect(safeNextPath('/exams/5f0c')).toBe('/exams/5f0c');
  });

  it('falls back to the home page for anything that could leave the site', () => {
    for (const raw of [
      null,
      undefined,
      '',
      'qa',
      'https://evil.example/',
      '//evil.example/path',
      '/\\evil.example',
      '/\t/evil.example',
      'javascript:alert(1)',
    ]) {
      expect(safeNextPath(raw)).toBe('/');
    }
  });
});

describe('nextFromSearch', () => {
  it('reads ?next= and checks it', () => {
    expect(nextFromSearch('?next=%2Fqa%3Fstation%3DDR-1')).toBe('/qa?station=DR-1');
    expect(nextFromSearch('?next=%2F%2Fevil.example')).toBe('/');
    expect(nextFromSearch('')).toBe('/');
  });
});

describe('isSignInPage', () => {
  it('is true for /login and /pair only', () => {
    expect(isSignInPage('/login')).toBe(true);
    expect(isSignInPage('/pair')).toBe(true);
    expect(isSignInPage('/qa')).toBe(false);
    expect(isSignInPage('/')).toBe(false);
    expect(isSignInPage('/loginx')).toBe(false);
  });
});

describe('loginHref', () => {
  it('carries the page to come back to', () => {
    expect(loginHref('/qa?station=DR-1')).toBe('/login?next=%2Fqa%3Fstation%3DDR-1');
    expect(loginHref('/rooms/DR-ROOM-1')).toBe('/login?next=%2Frooms%2FDR-ROOM-1');
  });

  it('leaves out next= for the home page', () => {
    expect(loginHref('/')).toBe('/login');
  });
});
