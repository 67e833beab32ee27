import { useState } from 'react';
import { call } from '../api/client';
import { Field, ErrorBox } from '../components/form';
import { UserFields, type UserDraft } from '../components/UserFields';
import { useSubmit } from '../components/useForm';
import { useApp } from '../store';
import { officeKinds, type OfficeKind, type Position } from '../../../shared/office';
import { vi } from '../../../shared/i18n/vi';

export function SetupPage({ onDone }: { onDone: () => void }) {
  const [office, setOffice] = useState({ province: '', district: '', commune: '', kind: 'xa' as OfficeKind });
  const [leader, setLeader] = useState<UserDraft>({ fullName: '', position: 'Chủ tịch', username: '', password: '' });
  const [confirm, setConfirm] = useState('');
  const { busy, error, fieldErrors, submit, setFieldError } = useSubmit();
  const set = (k: keyof typeof office) => (e: { target: { value: string } }) => setOffice({ ...office, [k]: e.target.value });

  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    if (leader.password !== confirm) return setFieldError('leader.confirm', vi.errors.passwordsDiffer);
    const ok = await submit(() => call('office.setup', { office, leader: { ...leader, position: leader.position as Position } }));
    if (ok) {
      useApp.getState().set({ flash: vi.setup.done });
      onDone();
    }
  };

  return (
    <main className="centered">
      <form className="card card--wide" onSubmit={onSubmit} noValidate aria-labelledby="setup-title">
        <h1 id="setup-title">{vi.setup.title}</h1>
        <p className="muted">{vi.setup.intro}</p>
        <ErrorBox message={error} />
        <fieldset>
          <legend>{vi.setup.officeSection}</legend>
          <div className="grid2">
            <Field label={vi.setup.province} error={fieldErrors['office.province']}>
              {(id, d) => <input id={id} aria-describedby={d} value={office.province} onChange={set('province')} required />}
            </Field>
            <Field label={vi.setup.district} error={fieldErrors['office.district']}>
              {(id, d) => <input id={id} aria-describedby={d} value={office.district} onChange={set('district')} required />}
            </Field>
            <Field label={vi.setup.kind} error={fieldErrors['office.kind']}>
              {(id, d) => (
                <select id={id} aria-describedby={d} value={office.kind} onChange={set('kind')}>
                  {officeKinds.map((k) => (
                    <option key={k} value={k}>
                      {vi.officeKinds[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={vi.setup.commune} error={fieldErrors['office.commune']}>
              {(id, d) => <input id={id} aria-describedby={d} value={office.commune} onChange={set('commune')} required />}
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>{vi.setup.leaderSection}</legend>
          <div className="grid2">
            <UserFields value={leader} onChange={setLeader} errors={fieldErrors} prefix="leader." />
            <Field label={vi.user.passwordConfirm} error={fieldErrors['leader.confirm']}>
              {(id, d) => (
                <input id={id} aria-describedby={d} type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" />
              )}
            </Field>
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {vi.setup.submit}
          </button>
        </div>
      </form>
    </main>
  );
}
