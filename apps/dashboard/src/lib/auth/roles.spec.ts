import * as contracts from '@spineqc/contracts';
import { describe, expect, it } from 'vitest';
import {
  API_TOKEN_ROLES,
  AUDIT_ACTIONS,
  AUDIT_ACTION_LABELS,
  ROLE_LABELS,
  USER_ROLES,
  auditActionLabel,
  can,
  isTablet,
  roleLabel,
  speaksAsAccount,
} from './roles';

describe('the copies of the contract vocabularies', () => {
  it('agree with @spineqc/contracts', () => {
    expect(USER_ROLES).toEqual(contracts.USER_ROLES);
    expect(API_TOKEN_ROLES).toEqual(contracts.API_TOKEN_ROLES);
    expect(AUDIT_ACTIONS).toEqual(contracts.AUDIT_ACTIONS);
    expect(ROLE_LABELS).toEqual(contracts.ROLE_LABELS);
    expect(Object.keys(AUDIT_ACTION_LABELS).sort()).toEqual([...contracts.AUDIT_ACTIONS].sort());
  });
});

describe('labels', () => {
  it('names roles and audit actions, and passes unknown ones through', () => {
    expect(roleLabel('qa_manager')).toBe('QA manager');
    expect(auditActionLabel('token.revoked')).toBe('Token revoked');
    expect(auditActionLabel('something.new')).toBe('something.new');
  });
});

describe('session checks', () => {
  const person = { kind: 'user', role: 'technologist', station: null, permissions: ['exams.read'] } as const;
  const tablet = { kind: 'token', role: 'device', station: 'DR-1', permissions: ['exams.read'] } as const;

  it('can() reads the permissions the API sent', () => {
    expect(can({ permissions: ['exams.read'] }, 'exams.read')).toBe(true);
    expect(can({ permissions: ['exams.read'] }, 'alerts.read')).toBe(false);
    expect(can(null, 'exams.read')).toBe(false);
  });

  it('tells a paired tablet from a person', () => {
    expect(isTablet(tablet)).toBe(true);
    expect(isTablet(person)).toBe(false);
    expect(isTablet({ role: 'device', station: null })).toBe(false);
    expect(speaksAsAccount(person)).toBe(true);
    expect(speaksAsAccount(tablet)).toBe(false);
    expect(speaksAsAccount(null)).toBe(false);
  });
});
