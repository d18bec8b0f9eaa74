// Which permission each dashboard page needs: one table for the guard and for the links a role is shown.
import type { Permission } from '@spineqc/contracts';

interface PageRule {
  /** The page itself, or (ending in '/') every page below it. */
  path: string;
  permission: Permission;
}

/** Most specific first. The API enforces the same limits on the data; this only keeps people off dead ends. */
const PAGE_RULES: readonly PageRule[] = [
  { path: '/admin/webhooks', permission: 'webhooks.manage' },
  { path: '/admin/accounts', permission: 'accounts.manage' },
  { path: '/admin/tokens', permission: 'accounts.manage' },
  { path: '/admin/tablets', permission: 'accounts.manage' },
  { path: '/admin/audit', permission: 'audit.read' },
  { path: '/alerts', permission: 'alerts.read' },
  { path: '/qa', permission: 'stats.read' },
  { path: '/exams/', permission: 'exams.read' },
  { path: '/rooms/', permission: 'exams.read' },
  { path: '/', permission: 'exams.read' },
];

const matches = (rule: PageRule, pathname: string) =>
  rule.path.endsWith('/') && rule.path !== '/'
    ? pathname.startsWith(rule.path)
    : pathname === rule.path || pathname === `${rule.path}/`;

/** The permission a page needs; null for a page no rule names (it checks nothing beyond signing in). */
export function pagePermission(pathname: string): Permission | null {
  return PAGE_RULES.find((rule) => matches(rule, pathname))?.permission ?? null;
}

export function mayOpen(permissions: readonly Permission[], pathname: string): boolean {
  const needed = pagePermission(pathname);
  return needed === null || permissions.includes(needed);
}

export interface NavLink {
  href: string;
  label: string;
}

export const MAIN_LINKS: readonly NavLink[] = [
  { href: '/', label: 'Rooms' },
  { href: '/qa', label: 'Quality assurance' },
  { href: '/alerts', label: 'Alerts' },
];

export const ADMIN_LINKS: readonly NavLink[] = [
  { href: '/admin/accounts', label: 'Accounts' },
  { href: '/admin/tokens', label: 'API tokens' },
  { href: '/admin/tablets', label: 'Room tablets' },
  { href: '/admin/webhooks', label: 'Webhooks' },
  { href: '/admin/audit', label: 'Audit log' },
];

/** The links of `links` that the role may open. */
export function visibleLinks(links: readonly NavLink[], permissions: readonly Permission[]): NavLink[] {
  return links.filter((link) => mayOpen(permissions, link.href));
}

/** Whether `href` is the page shown (or, for a section, one of its pages). */
export function isActiveLink(href: string, pathname: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}
