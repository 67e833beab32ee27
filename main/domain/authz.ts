// Who may do what. Enforced in main/ (the router and services), not only hidden in the UI.
import type { Role } from '../../shared/office';

/** Roles that may manage the office's people and settings. */
export const MANAGER_ROLES: readonly Role[] = ['leader', 'admin'];

export const hasAnyRole = (userRoles: readonly Role[], allowed: readonly Role[]) => userRoles.some((r) => allowed.includes(r));

/** A change that would leave the office with no active leader/admin is refused. */
export function wouldOrphanOffice(
  activeManagers: { id: number; roles: readonly Role[] }[],
  change: { id: number; roles?: readonly Role[]; active?: boolean },
): boolean {
  const after = activeManagers
    .map((u) => (u.id === change.id ? { ...u, roles: change.roles ?? u.roles, active: change.active ?? true } : { ...u, active: true }))
    .filter((u) => u.active && hasAnyRole(u.roles, MANAGER_ROLES));
  return after.length === 0;
}
