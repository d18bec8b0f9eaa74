import type { Permission } from '@spineqc/contracts';
import { describe, expect, it } from 'vitest';
import { ADMIN_LINKS, MAIN_LINKS, isActiveLink, mayOpen, pagePermission, visibleLinks } from './page-access';

const TECHNOLOGIST: Permission[] = ['exams.read', 'feedback.write', 'stats.read', 'docs.read'];
const QA_MANAGER: Permission[] = [...TECHNOLOGIST, 'exams.original', 'feedback.review', 'alerts.read'];

describe('pagePermission', () => {
  it('names the permission of each page', () => {
    expect(pagePermission('/')).toBe('exams.read');
    expect(pagePermission('/qa')).toBe('stats.read');
    expect(pagePermission('/exams/0d6c1e')).toBe('exams.read');
    expect(pagePermission('/rooms/DR-ROOM-1')).toBe('exams.read');
    expect(pagePermission('/alerts')).toBe('alerts.read');
    expect(pagePermission('/admin/webhooks')).toBe('webhooks.manage');
    expect(pagePermission('/admin/accounts')).toBe('accounts.manage');
    expect(pagePermission('/admin/tokens')).toBe('accounts.manage');
    expect(pagePermission('/admin/tablets')).toBe('accounts.manage');
    expect(pagePermission('/admin/audit')).toBe('audit.read');
  });

  it('does not let a prefix stand for a different page', () => {
    expect(pagePermission('/qa-extra')).toBeNull();
    expect(pagePermission('/alerts/')).toBe('alerts.read');
  });
});

describe('mayOpen', () => {
  it('keeps a technologist off alerts and the admin pages', () => {
    expect(mayOpen(TECHNOLOGIST, '/qa')).toBe(true);
    expect(mayOpen(TECHNOLOGIST, '/alerts')).toBe(false);
    expect(mayOpen(TECHNOLOGIST, '/admin/accounts')).toBe(false);
    expect(mayOpen(QA_MANAGER, '/alerts')).toBe(true);
    expect(mayOpen(QA_MANAGER, '/admin/audit')).toBe(false);
  });
});

describe('visibleLinks', () => {
  it('shows a role only the pages it may use', () => {
    expect(visibleLinks(MAIN_LINKS, TECHNOLOGIST).map((l) => l.href)).toEqual(['/', '/qa']);
    expect(visibleLinks(MAIN_LINKS, QA_MANAGER).map((l) => l.href)).toEqual(['/', '/qa', '/alerts']);
    expect(visibleLinks(ADMIN_LINKS, QA_MANAGER)).toEqual([]);
  });
});

describe('isActiveLink', () => {
  it('marks the page and its section, and the home page only on itself', () => {
    expect(isActiveLink('/', '/')).toBe(true);
    expect(isActiveLink('/', '/qa')).toBe(false);
    expect(isActiveLink('/admin/tokens', '/admin/tokens')).toBe(true);
    expect(isActiveLink('/qa', '/qa/x')).toBe(true);
  });
});
