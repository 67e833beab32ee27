import type { WriteTx } from '../db/connection';
import type { Services, Actor } from './context';
import { appendAudit } from './audit';
import { hashPassword } from './passwords';
import { ApiError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { z } from 'zod';
import { roles as knownRoles, type Role } from '../../shared/office';
import type { UserPublic } from '../../shared/api/schemas';
import type { Selectable } from 'kysely';
import type { UsersTable as UsersTableDef } from '../db/schema';

type UsersTable = Selectable<UsersTableDef>;
import { MANAGER_ROLES, hasAnyRole, wouldOrphanOffice } from '../domain/authz';

const rolesJson = z.array(z.enum(knownRoles));

/** Roles as stored (JSON): parsed, never cast — a damaged value grants nothing rather than anything. */
export function parseRoles(json: string): Role[] {
  try {
    const r = rolesJson.safeParse(JSON.parse(json));
    return r.success ? r.data : [];
  } catch {
    return [];
  }
}

export const toPublic = (u: UsersTable): UserPublic => ({
  id: u.id,
  username: u.username,
  fullName: u.full_name,
  position: u.position,
  roles: parseRoles(u.roles),
  active: u.active === 1,
  createdAt: u.created_at,
  updatedAt: u.updated_at,
});

/** What the audit log records of a user: never the password hash. */
const auditView = (u: UserPublic) => ({
  username: u.username,
  fullName: u.fullName,
  position: u.position,
  roles: u.roles,
  active: u.active,
});

export function getUserRow(s: Services, id: number): UsersTable {
  const row = s.db.first(s.db.q.selectFrom('users').selectAll().where('id', '=', id));
  if (!row) throw new ApiError('NOT_FOUND', vi.errors.userNotFound);
  return row;
}

export function findUserByUsername(s: Services, username: string): UsersTable | undefined {
  return s.db.first(s.db.q.selectFrom('users').selectAll().where('username', '=', username));
}

export function listUsers(s: Services, includeInactive: boolean): UserPublic[] {
  let q = s.db.q.selectFrom('users').selectAll().orderBy('active', 'desc').orderBy('full_name');
  if (!includeInactive) q = q.where('active', '=', 1);
  return s.db.all(q).map(toPublic);
}

export interface NewUser {
  fullName: string;
  position: string;
  username: string;
  password: string;
  roles: Role[];
}

/** Inserts a user; call inside a transaction. The password must already be hashed. */
export function insertUser(w: WriteTx, s: Services, actor: Actor, u: Omit<NewUser, 'password'>, passwordHash: string): UserPublic {
  if (findUserByUsername(s, u.username)) {
    throw new ApiError('CONFLICT', vi.errors.usernameTaken(u.username), [{ path: 'username', message: vi.errors.usernameTaken(u.username) }]);
  }
  const now = s.clock.now();
  const { lastInsertRowid } = s.db.run(
    s.db.q.insertInto('users').values({
      username: u.username,
      full_name: u.fullName,
      position: u.position,
      roles: JSON.stringify(uniqueRoles(u.roles)),
      password_hash: passwordHash,
      active: 1,
      created_at: now,
      updated_at: now,
    }),
  );
  const created = toPublic(getUserRow(s, lastInsertRowid));
  appendAudit(w, s, actor, { action: 'user.create', entity: 'user', entityId: created.id, after: auditView(created) });
  return created;
}

export async function createUser(s: Services, actor: Actor, u: NewUser): Promise<UserPublic> {
  // Check before the (slow) hash so a duplicate is reported at once; insertUser checks again
  // inside the transaction.
  if (findUserByUsername(s, u.username))
    throw new ApiError('CONFLICT', vi.errors.usernameTaken(u.username), [{ path: 'username', message: vi.errors.usernameTaken(u.username) }]);
  const hash = await hashPassword(u.password);
  return s.db.tx((w) => insertUser(w, s, actor, u, hash));
}

const uniqueRoles = (r: readonly Role[]) => [...new Set(r)];

function activeManagers(s: Services) {
  return s.db
    .all(s.db.q.selectFrom('users').select(['id', 'roles']).where('active', '=', 1))
    .map((u) => ({ id: u.id, roles: parseRoles(u.roles) }))
    .filter((u) => hasAnyRole(u.roles, MANAGER_ROLES));
}

export async function updateUser(
  s: Services,
  actor: Actor,
  patch: { id: number; fullName?: string; position?: string; roles?: Role[]; password?: string },
): Promise<UserPublic> {
  const hash = patch.password ? await hashPassword(patch.password) : undefined;
  return s.db.tx((w) => {
    const before = toPublic(getUserRow(s, patch.id));
    if (patch.roles && wouldOrphanOffice(activeManagers(s), { id: patch.id, roles: patch.roles })) {
      throw new ApiError('CONFLICT', vi.errors.lastLeader);
    }
    s.db.run(
      s.db.q
        .updateTable('users')
        .set({
          ...(patch.fullName !== undefined && { full_name: patch.fullName }),
          ...(patch.position !== undefined && { position: patch.position }),
          ...(patch.roles !== undefined && { roles: JSON.stringify(uniqueRoles(patch.roles)) }),
          ...(hash !== undefined && { password_hash: hash }),
          updated_at: s.clock.now(),
        })
        .where('id', '=', patch.id),
    );
    if (hash !== undefined) {
      // A reset password ends the user's open sessions.
      s.db.run(s.db.q.deleteFrom('sessions').where('user_id', '=', patch.id));
    }
    const after = toPublic(getUserRow(s, patch.id));
    appendAudit(w, s, actor, {
      action: 'user.update',
      entity: 'user',
      entityId: patch.id,
      before: auditView(before),
      after: { ...auditView(after), ...(hash !== undefined && { passwordChanged: true }) },
    });
    return after;
  });
}

export function setUserActive(s: Services, actor: Actor, id: number, active: boolean): UserPublic {
  return s.db.tx((w) => {
    const before = toPublic(getUserRow(s, id));
    if (!active && actor.id === id) throw new ApiError('CONFLICT', vi.errors.selfDeactivate);
    if (!active && wouldOrphanOffice(activeManagers(s), { id, active: false })) {
      throw new ApiError('CONFLICT', vi.errors.lastLeader);
    }
    s.db.run(
      s.db.q
        .updateTable('users')
        .set({ active: active ? 1 : 0, updated_at: s.clock.now() })
        .where('id', '=', id),
    );
    if (!active) s.db.run(s.db.q.deleteFrom('sessions').where('user_id', '=', id));
    const after = toPublic(getUserRow(s, id));
    appendAudit(w, s, actor, {
      action: active ? 'user.activate' : 'user.deactivate',
      entity: 'user',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}
