import { useState } from 'react';
import { call, sessionToken } from '../api/client';
import { Field, ErrorBox, Notice } from '../components/form';
import { useSubmit } from '../components/useForm';
import { useApp } from '../store';
import { vi } from '../../../shared/i18n/vi';
import { JoinServer } from './settings/JoinServer';

export function LoginPage() {
  const { info, flash } = useApp();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit();

  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    const r = await submit(() => call('auth.login', { username, password }));
    if (r) {
      sessionToken.set(r.token);
      useApp.getState().set({ session: r.session, phase: 'app', flash: null });
    } else {
      setPassword('');
    }
  };
  const office = info?.office;
  return (
    <main className="centered">
      <form className="card" onSubmit={onSubmit} aria-labelledby="login-title">
        <div className="brand">{vi.app.name}</div>
        {office && (
          <p className="muted">
            UBND {vi.officeKinds[office.kind].toLowerCase()} {office.commune} — {office.district}, {office.province}
          </p>
        )}
        <h1 id="login-title">{vi.login.title}</h1>
        <Notice message={flash} />
        <ErrorBox message={error} />
        <Field label={vi.user.username}>
          {(id) => <input id={id} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoFocus spellCheck={false} />}
        </Field>
        <Field label={vi.user.password}>
          {(id) => <input id={id} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {vi.login.submit}
          </button>
        </div>
        <p className="muted small">{vi.app.offlineNote}</p>
      </form>
      <JoinServer />
    </main>
  );
}

export function LockPage() {
  const { session } = useApp();
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit();
  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    const s = await submit(() => call('auth.unlock', { password }));
    if (s) useApp.getState().set({ session: s, phase: 'app' });
    else setPassword('');
  };
  const switchUser = async () => {
    await call('auth.logout', {}).catch(() => undefined);
    sessionToken.set(null);
    useApp.getState().set({ session: null, phase: 'login' });
  };
  return (
    <main className="centered">
      <form className="card" onSubmit={onSubmit} aria-labelledby="lock-title">
        <h1 id="lock-title">{vi.login.locked}</h1>
        <p className="muted">{vi.login.lockedIntro}</p>
        {session && (
          <p>
            <strong>{session.user.fullName}</strong> ({session.user.username})
          </p>
        )}
        <ErrorBox message={error} />
        <Field label={vi.user.password}>
          {(id) => <input id={id} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" autoFocus />}
        </Field>
        <div className="actions">
          <button type="button" onClick={switchUser}>
            {vi.login.switchUser}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {vi.login.unlock}
          </button>
        </div>
      </form>
    </main>
  );
}
