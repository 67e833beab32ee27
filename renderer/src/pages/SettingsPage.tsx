import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { Field, ErrorBox, Notice } from '../components/form';
import { useSubmit } from '../components/useForm';
import { useApp } from '../store';
import { officeKinds, type OfficeKind } from '../../../shared/office';
import { vi } from '../../../shared/i18n/vi';

function LockSetting({ canEdit }: { canEdit: boolean }) {
  const [minutes, setMinutes] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, fieldErrors, submit } = useSubmit();
  useEffect(() => {
    call('settings.get', {}).then((s) => setMinutes(String(s.lockAfterMinutes)), () => undefined);
  }, []);
  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setSaved(null);
    const s = await submit(() => call('settings.update', { lockAfterMinutes: Number(minutes) }));
    if (s) {
      setSaved(vi.app.saved);
      const cur = useApp.getState().session;
      if (cur) useApp.getState().set({ session: { ...cur, lockAfterMinutes: s.lockAfterMinutes } });
    }
  };
  return (
    <form className="panel" onSubmit={onSubmit} noValidate>
      <Notice message={saved} />
      <ErrorBox message={error} />
      <Field label={vi.settings.lockAfterMinutes} error={fieldErrors['lockAfterMinutes']} hint={vi.settings.lockHint}>
        {(id, d) => <input id={id} aria-describedby={d} type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} disabled={!canEdit} />}
      </Field>
      {canEdit && (
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {vi.app.save}
          </button>
        </div>
      )}
    </form>
  );
}

function OfficeSetting({ canEdit }: { canEdit: boolean }) {
  const { info } = useApp();
  const [office, setOffice] = useState(() => ({
    province: info?.office?.province ?? '',
    district: info?.office?.district ?? '',
    commune: info?.office?.commune ?? '',
    kind: (info?.office?.kind ?? 'xa') as OfficeKind,
  }));
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, fieldErrors, submit } = useSubmit();
  const set = (k: keyof typeof office) => (e: { target: { value: string } }) => setOffice({ ...office, [k]: e.target.value });
  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setSaved(null);
    const o = await submit(() => call('office.update', office));
    if (o) {
      setSaved(vi.app.saved);
      const cur = useApp.getState().info;
      if (cur) useApp.getState().set({ info: { ...cur, office: o } });
    }
  };
  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-label={vi.settings.officeTitle}>
      <h2>{vi.settings.officeTitle}</h2>
      <Notice message={saved} />
      <ErrorBox message={error} />
      <div className="grid2">
        {(['province', 'district', 'commune'] as const).map((k) => (
          <Field key={k} label={vi.setup[k]} error={fieldErrors[k]}>
            {(id, d) => <input id={id} aria-describedby={d} value={office[k]} onChange={set(k)} disabled={!canEdit} />}
          </Field>
        ))}
        <Field label={vi.setup.kind}>
          {(id) => (
            <select id={id} value={office.kind} onChange={set('kind')} disabled={!canEdit}>
              {officeKinds.map((k) => (
                <option key={k} value={k}>
                  {vi.officeKinds[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {canEdit && (
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {vi.app.save}
          </button>
        </div>
      )}
    </form>
  );
}

function PasswordSetting() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, fieldErrors, submit } = useSubmit();
  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setSaved(null);
    const r = await submit(() => call('auth.changePassword', { current, next }));
    if (r) {
      setSaved(vi.app.saved);
      setCurrent('');
      setNext('');
    }
  };
  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-label="Đổi mật khẩu">
      <h2>Đổi mật khẩu của bạn</h2>
      <Notice message={saved} />
      <ErrorBox message={error} />
      <div className="grid2">
        <Field label="Mật khẩu hiện tại">
          {(id) => <input id={id} type="password" value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" />}
        </Field>
        <Field label="Mật khẩu mới" error={fieldErrors['next']} hint={vi.user.passwordHint}>
          {(id, d) => <input id={id} aria-describedby={d} type="password" value={next} onChange={(e) => setNext(e.target.value)} autoComplete="new-password" />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {vi.app.save}
        </button>
      </div>
    </form>
  );
}

export function SettingsPage({ canManage }: { canManage: boolean }) {
  const { info } = useApp();
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{vi.settings.title}</h1>
      <LockSetting canEdit={canManage} />
      <OfficeSetting canEdit={canManage} />
      <PasswordSetting />
      <dl className="facts">
        <dt>{vi.settings.dataDir}</dt>
        <dd>
          <code>{info?.dataDir}</code>
        </dd>
        <dt>{vi.settings.version}</dt>
        <dd>{info?.version}</dd>
      </dl>
    </section>
  );
}
