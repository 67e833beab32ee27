import { Field } from './form';
import { positions } from '../../../shared/office';
import { vi } from '../../../shared/i18n/vi';

export interface UserDraft {
  fullName: string;
  position: string;
  username: string;
  password: string;
}

/** Name, position, username and password fields, shared by the setup screen and the users page. */
export function UserFields({
  value,
  onChange,
  errors,
  prefix = '',
  usernameReadOnly = false,
  passwordLabel = vi.user.password,
  passwordRequired = true,
}: {
  value: UserDraft;
  onChange: (v: UserDraft) => void;
  errors: Record<string, string>;
  prefix?: string;
  usernameReadOnly?: boolean;
  passwordLabel?: string;
  passwordRequired?: boolean;
}) {
  const e = (k: string) => errors[prefix + k];
  const set = (k: keyof UserDraft) => (ev: { target: { value: string } }) => onChange({ ...value, [k]: ev.target.value });
  return (
    <>
      <Field label={vi.user.fullName} error={e('fullName')}>
        {(id, d) => <input id={id} aria-describedby={d} value={value.fullName} onChange={set('fullName')} required autoComplete="name" />}
      </Field>
      <Field label={vi.user.position} error={e('position')}>
        {(id, d) => (
          <select id={id} aria-describedby={d} value={value.position} onChange={set('position')} required>
            <option value="">{vi.user.choosePosition}</option>
            {positions.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={vi.user.username} error={e('username')}>
        {(id, d) => (
          <input
            id={id}
            aria-describedby={d}
            value={value.username}
            onChange={set('username')}
            readOnly={usernameReadOnly}
            required
            autoComplete="username"
            spellCheck={false}
          />
        )}
      </Field>
      <Field label={passwordLabel} error={e('password')} hint={vi.user.passwordHint}>
        {(id, d) => (
          <input
            id={id}
            aria-describedby={d}
            type="password"
            value={value.password}
            onChange={set('password')}
            required={passwordRequired}
            autoComplete="new-password"
          />
        )}
      </Field>
    </>
  );
}
