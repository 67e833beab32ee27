import { useCallback, useEffect, useState } from 'react';
import { call, ClientError } from '../api/client';
import { ErrorBox, Notice } from '../components/form';
import { UserFields, type UserDraft } from '../components/UserFields';
import { useSubmit } from '../components/useForm';
import { ListPage } from '../components/ListPage';
import { roles as allRoles, type Position, type Role } from '../../../shared/office';
import type { UserPublic } from '../../../shared/api/schemas';
import { vi } from '../../../shared/i18n/vi';
import { formatDateTime } from '../../../shared/format';

const emptyDraft: UserDraft = { fullName: '', position: '', username: '', password: '' };

function RolePicker({ value, onChange, error }: { value: Role[]; onChange: (r: Role[]) => void; error?: string | undefined }) {
  return (
    <fieldset className={`field roles${error ? ' field--error' : ''}`}>
      <legend>{vi.user.roles}</legend>
      {allRoles.map((r) => (
        <label key={r} className="check">
          <input type="checkbox" checked={value.includes(r)} onChange={(e) => onChange(e.target.checked ? [...value, r] : value.filter((x) => x !== r))} />
          {vi.roles[r]}
        </label>
      ))}
      {error && <div className="field__error">{error}</div>}
    </fieldset>
  );
}

function UserForm({ editing, onSaved, onCancel }: { editing: UserPublic | null; onSaved: (msg: string) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<UserDraft>(
    editing ? { fullName: editing.fullName, position: editing.position, username: editing.username, password: '' } : emptyDraft,
  );
  const [roleList, setRoleList] = useState<Role[]>(editing?.roles ?? ['officer']);
  const { busy, error, fieldErrors, submit } = useSubmit();
  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    const position = draft.position as Position;
    const saved = await submit(() =>
      editing
        ? call('users.update', { id: editing.id, fullName: draft.fullName, position, roles: roleList, ...(draft.password ? { password: draft.password } : {}) })
        : call('users.create', { ...draft, position, roles: roleList }),
    );
    if (saved) onSaved(editing ? vi.users.updated : vi.users.created);
  };
  const title = editing ? vi.users.editTitle : vi.users.add;
  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-label={title}>
      <h2>{title}</h2>
      <ErrorBox message={error} />
      <div className="grid2">
        <UserFields
          value={draft}
          onChange={setDraft}
          errors={fieldErrors}
          usernameReadOnly={!!editing}
          passwordLabel={editing ? vi.user.newPassword : vi.user.password}
          passwordRequired={!editing}
        />
      </div>
      <RolePicker value={roleList} onChange={setRoleList} error={fieldErrors['roles']} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {vi.app.cancel}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {vi.app.save}
        </button>
      </div>
    </form>
  );
}

interface LoginLock {
  userId: number;
  failures: number;
  lockedUntil: number | null;
}

/** Wrong passwords on record for an account, and a running lock (in words and with a warning mark). */
function LockBadge({ lock }: { lock: LoginLock }) {
  return (
    <div className={lock.lockedUntil ? 'badge badge--returned' : 'muted'}>
      {lock.lockedUntil ? `⚠ ${vi.auth.loginLocked(formatDateTime(lock.lockedUntil))}` : vi.auth.loginFailures(lock.failures)}
    </div>
  );
}

export function UsersPage() {
  const [users, setUsers] = useState<UserPublic[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [mode, setMode] = useState<{ kind: 'none' } | { kind: 'add' } | { kind: 'edit'; user: UserPublic }>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  const { error, submit } = useSubmit();

  const [locks, setLocks] = useState<Map<number, LoginLock>>(new Map());
  const load = useCallback(() => {
    call('users.list', { includeInactive: true }).then(setUsers, (e: unknown) => setLoadError(e instanceof ClientError ? e.message : vi.errors.internal));
    call('users.loginLocks', {}).then(
      (l) => setLocks(new Map(l.map((x) => [x.userId, x]))),
      () => setLocks(new Map()),
    );
  }, []);
  useEffect(load, [load]);

  const toggle = async (u: UserPublic) => {
    const r = await submit(() => call('users.setActive', { id: u.id, active: !u.active }));
    if (r) {
      setNotice(vi.users.updated);
      load();
    }
  };
  const unlockLogin = async (u: UserPublic) => {
    const r = await submit(() => call('users.unlockLogin', { id: u.id }));
    if (r) {
      setNotice(vi.auth.unlockedLogin(u.fullName));
      load();
    }
  };
  return (
    <ListPage
      id="users-title"
      title={vi.users.title}
      actions={
        mode.kind === 'none' && (
          <button className="primary" onClick={() => (setNotice(null), setMode({ kind: 'add' }))}>
            {vi.users.add}
          </button>
        )
      }
      error={loadError}
      rows={users}
      loading={vi.app.loading}
      empty={vi.users.empty}
      head={
        <>
          <th>{vi.user.fullName}</th>
          <th>{vi.user.username}</th>
          <th>{vi.user.position}</th>
          <th>{vi.user.roles}</th>
          <th>{vi.users.status}</th>
          <th>{vi.users.actions}</th>
        </>
      }
      row={(u) => (
        <tr key={u.id} className={u.active ? '' : 'row--inactive'}>
          <td>{u.fullName}</td>
          <td>{u.username}</td>
          <td>{u.position}</td>
          <td>{u.roles.map((r) => vi.roles[r]).join(', ')}</td>
          <td>
            {u.active ? vi.user.active : vi.user.inactive}
            {locks.get(u.id) && <LockBadge lock={locks.get(u.id)!} />}
          </td>
          <td className="row-actions">
            <button onClick={() => (setNotice(null), setMode({ kind: 'edit', user: u }))} aria-label={`${vi.app.edit} ${u.username}`}>
              {vi.app.edit}
            </button>
            <button onClick={() => toggle(u)} aria-label={`${u.active ? vi.users.deactivate : vi.users.activate} ${u.username}`}>
              {u.active ? vi.users.deactivate : vi.users.activate}
            </button>
            {locks.get(u.id) && (
              <button onClick={() => unlockLogin(u)} aria-label={`${vi.auth.unlockLogin} ${u.username}`}>
                {vi.auth.unlockLogin}
              </button>
            )}
          </td>
        </tr>
      )}
    >
      <Notice message={notice} />
      <ErrorBox message={error} />
      {mode.kind !== 'none' && (
        <UserForm
          key={mode.kind === 'edit' ? mode.user.id : 'new'}
          editing={mode.kind === 'edit' ? mode.user : null}
          onCancel={() => setMode({ kind: 'none' })}
          onSaved={(msg) => {
            setNotice(msg);
            setMode({ kind: 'none' });
            load();
          }}
        />
      )}
    </ListPage>
  );
}
