import { useState } from 'react';
import { call } from '../api/client';
import { Field, ErrorBox } from '../components/form';
import { UserFields, type UserDraft } from '../components/UserFields';
import { useSubmit } from '../components/useForm';
import { useApp } from '../store';
import { OfficeFields, type OfficeDraft } from '../components/OfficeFields';
import type { Position } from '../../../shared/office';
import { vi } from '../../../shared/i18n/vi';

export function SetupPage({ onDone }: { onDone: () => void }) {
  const [office, setOffice] = useState<OfficeDraft>({ province: '', district: '', commune: '', kind: 'xa' });
  const [leader, setLeader] = useState<UserDraft>({ fullName: '', position: 'Chủ tịch', username: '', password: '' });
  const [confirm, setConfirm] = useState('');
  const { busy, error, fieldErrors, submit, setFieldError } = useSubmit();

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
            <OfficeFields value={office} onChange={setOffice} errors={fieldErrors} prefix="office." />
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
