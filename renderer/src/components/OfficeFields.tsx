import { Field } from './form';
import { officeKinds, type OfficeKind } from '../../../shared/office';
import { vi } from '../../../shared/i18n/vi';

export interface OfficeDraft {
  province: string;
  district: string;
  commune: string;
  kind: OfficeKind;
}

/**
 * Province, district, kind and name of the office: one form for the set-up screen and Settings, so
 * the two cannot drift apart again. Errors come from the back end's issues by path (`prefix` +
 * field, e.g. `office.province` on set-up), each tied to its input for screen readers.
 */
export function OfficeFields({
  value,
  onChange,
  errors,
  prefix = '',
  disabled = false,
}: {
  value: OfficeDraft;
  onChange: (v: OfficeDraft) => void;
  errors: Record<string, string>;
  prefix?: string;
  disabled?: boolean;
}) {
  const e = (k: keyof OfficeDraft) => errors[prefix + k];
  const text = (k: 'province' | 'district' | 'commune') => (
    <Field label={vi.setup[k]} error={e(k)}>
      {(id, d) => (
        <input id={id} aria-describedby={d} value={value[k]} onChange={(ev) => onChange({ ...value, [k]: ev.target.value })} required disabled={disabled} />
      )}
    </Field>
  );
  return (
    <>
      {text('province')}
      {text('district')}
      <Field label={vi.setup.kind} error={e('kind')}>
        {(id, d) => (
          <select
            id={id}
            aria-describedby={d}
            value={value.kind}
            onChange={(ev) => onChange({ ...value, kind: ev.target.value as OfficeKind })}
            disabled={disabled}
          >
            {officeKinds.map((k) => (
              <option key={k} value={k}>
                {vi.officeKinds[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('commune')}
    </>
  );
}
