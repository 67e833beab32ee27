import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { Field, ErrorBox, Notice } from '../components/form';
import { useSubmit } from '../components/useForm';
import { useApp } from '../store';
import { OfficeFields, type OfficeDraft } from '../components/OfficeFields';
import { ProvinceConnection } from './settings/ProvinceConnection';
import { vi } from '../../../shared/i18n/vi';
import { ClockSettings } from './settings/ClockSettings';
import { OfficeNetwork } from './settings/OfficeNetwork';

const bandsText = (b: { label: string; minPercent: number }[]) =>
  [...b]
    .sort((x, y) => y.minPercent - x.minPercent)
    .map((x) => `${x.label}: ${String(x.minPercent).replace('.', ',')}`)
    .join('\n');

function parseBands(text: string): { label: string; minPercent: number }[] | string {
  const out: { label: string; minPercent: number }[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const m = /^(.+?)\s*[:=]\s*(\d+(?:[.,]\d+)?)\s*%?$/.exec(line);
    if (!m) return vi.fields.bandsFormat(line);
    out.push({ label: m[1]!.trim(), minPercent: Number(m[2]!.replace(',', '.')) });
  }
  return out;
}

function LockSetting({ canEdit }: { canEdit: boolean }) {
  const [minutes, setMinutes] = useState('');
  const [maxMb, setMaxMb] = useState('');
  const [bands, setBands] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, fieldErrors, submit, setError } = useSubmit();
  useEffect(() => {
    call('settings.get', {}).then(
      (s) => {
        setMinutes(String(s.lockAfterMinutes));
        setMaxMb(String(s.maxEvidenceMB));
        setBands(bandsText(s.ratingBands));
      },
      () => undefined,
    );
  }, []);
  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setSaved(null);
    const ratingBands = parseBands(bands);
    if (typeof ratingBands === 'string') return setError(ratingBands);
    const s = await submit(() => call('settings.update', { lockAfterMinutes: Number(minutes), maxEvidenceMB: Number(maxMb), ratingBands }));
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
        {(id, d) => (
          <input
            id={id}
            aria-describedby={d}
            type="number"
            min={1}
            max={240}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            disabled={!canEdit}
          />
        )}
      </Field>
      <Field label={vi.settings.maxEvidenceMB} error={fieldErrors['maxEvidenceMB']}>
        {(id, d) => (
          <input id={id} aria-describedby={d} type="number" min={1} max={1024} value={maxMb} onChange={(e) => setMaxMb(e.target.value)} disabled={!canEdit} />
        )}
      </Field>
      <Field
        label={vi.settings.ratingBands}
        error={Object.entries(fieldErrors).find(([k]) => k.startsWith('ratingBands'))?.[1]}
        hint={vi.settings.ratingBandsHint}
      >
        {(id, d) => <textarea id={id} aria-describedby={d} rows={5} value={bands} onChange={(e) => setBands(e.target.value)} disabled={!canEdit} />}
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
  const [office, setOffice] = useState<OfficeDraft>(() => ({
    province: info?.office?.province ?? '',
    district: info?.office?.district ?? '',
    commune: info?.office?.commune ?? '',
    kind: info?.office?.kind ?? 'xa',
  }));
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, fieldErrors, submit } = useSubmit();
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
        <OfficeFields value={office} onChange={setOffice} errors={fieldErrors} disabled={!canEdit} />
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
  const [confirm, setConfirm] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, fieldErrors, submit, setFieldError } = useSubmit();
  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setSaved(null);
    // A mistyped new password would lock the user out: ask for it twice, as the set-up page does.
    if (next !== confirm) return setFieldError('confirm', vi.errors.passwordsDiffer);
    const r = await submit(() => call('auth.changePassword', { current, next }));
    if (r) {
      setSaved(vi.app.saved);
      setCurrent('');
      setNext('');
      setConfirm('');
    }
  };
  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-label={vi.settings.changePassword}>
      <h2>{vi.settings.changePasswordTitle}</h2>
      <Notice message={saved} />
      <ErrorBox message={error} />
      <div className="grid2">
        <Field label={vi.settings.currentPassword}>
          {(id) => <input id={id} type="password" value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" />}
        </Field>
        <Field label={vi.settings.newPassword} error={fieldErrors['next']} hint={vi.user.passwordHint}>
          {(id, d) => <input id={id} aria-describedby={d} type="password" value={next} onChange={(e) => setNext(e.target.value)} autoComplete="new-password" />}
        </Field>
        <Field label={vi.user.passwordConfirm} error={fieldErrors['confirm']}>
          {(id, d) => (
            <input id={id} aria-describedby={d} type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" />
          )}
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
  const { info, session } = useApp();
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{vi.settings.title}</h1>
      <LockSetting canEdit={canManage} />
      <OfficeSetting canEdit={canManage} />
      <ProvinceConnection canManage={canManage} />
      {canManage && <OfficeNetwork />}
      <PasswordSetting />
      <ClockSettings isLeader={!!session?.user.roles.includes('leader')} />
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
