import { describe, expect, it } from 'vitest';
import {
  EMPTY_ACCOUNT_DRAFT,
  EMPTY_PASSWORD_CHANGE,
  accountProblems,
  accountRequest,
  hasAnyProblem,
  passwordChangeProblems,
  passwordChangeRequest,
  passwordProblem,
} from './account-form';

const good = {
  username: '  Ada.Okafor ',
  displayName: ' Ada Okafor ',
  role: 'qa_manager' as const,
  password: 'correct horse battery',
};

describe('accountProblems', () => {
  it('asks for every field of an empty form', () => {
    const problems = accountProblems(EMPTY_ACCOUNT_DRAFT);
    expect(Object.keys(problems).sort()).toEqual(['displayName', 'password', 'username']);
    expect(hasAnyProblem(problems)).toBe(true);
  });

  it('accepts a good draft', () => {
    expect(accountProblems(good)).toEqual({});
    expect(hasAnyProblem(accountProblems(good))).toBe(false);
  });

  it('refuses usernames the API refuses', () => {
    for (const username of ['a', '-ada', 'ada okafor', 'ada@example', 'x'.repeat(65)]) {
      expect(accountProblems({ ...good, username }).username).toBeDefined();
    }
  });

  it('says how short a password is', () => {
    expect(passwordProblem('short')).toBe('At least 12 characters (5 now).');
    expect(passwordProblem('')).toBe('Enter a password.');
    expect(passwordProblem('x'.repeat(257))).toBe('At most 256 characters.');
    expect(passwordProblem('twelve chars')).toBeUndefined();
  });
});

describe('accountRequest', () => {
  it('trims, and lowercases the username as the API stores it', () => {
    expect(accountRequest(good)).toEqual({
      username: 'ada.okafor',
      displayName: 'Ada Okafor',
      role: 'qa_manager',
      password: 'correct horse battery',
    });
  });
});

describe('passwordChangeProblems', () => {
  it('needs the current password, a long new one and the same one twice', () => {
    expect(Object.keys(passwordChangeProblems(EMPTY_PASSWORD_CHANGE)).sort()).toEqual([
      'currentPassword',
      'newPassword',
    ]);
    expect(
      passwordChangeProblems({
        currentPassword: 'old password 1',
        newPassword: 'new password 12',
        confirmation: 'new password 13',
      }),
    ).toEqual({ confirmation: 'The two new passwords differ.' });
    expect(
      passwordChangeProblems({
        currentPassword: 'same password',
        newPassword: 'same password',
        confirmation: 'same password',
      }).newPassword,
    ).toMatch(/different/);
  });

  it('builds the request from a good draft', () => {
    const draft = {
      currentPassword: 'old password 1',
      newPassword: 'new password 12',
      confirmation: 'new password 12',
    };
    expect(passwordChangeProblems(draft)).toEqual({});
    expect(passwordChangeRequest(draft)).toEqual({
      currentPassword: 'old password 1',
      newPassword: 'new password 12',
    });
  });
});
