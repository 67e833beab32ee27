// A criteria set's name is the user's: proposed from the file's title rows at import, edited here
// right after the import and on the set's page later. It is printed on the Bảng tổng hợp.
import { useState } from 'react';
import { call } from '../api/client';
import { ErrorBox, Field, Notice } from './form';
import { useSubmit } from './useForm';
import type { CriteriaSetSummary } from '../../../shared/api/assessment-schemas';
import { vi } from '../../../shared/i18n/vi';

const t = vi.daily.criteriaSet;

export function SetNameForm({ set, intro, onSaved }: { set: { id: number; name: string }; intro?: string; onSaved: (s: CriteriaSetSummary) => void }) {
  const [name, setName] = useState(set.name);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, fieldErrors, submit } = useSubmit();
  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setSaved(null);
    const r = await submit(() => call('criteria.rename', { setId: set.id, name }));
    if (r) {
      setSaved(t.renamed(r.name));
      onSaved(r);
    }
  };
  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-label={t.renameAction}>
      {intro && <p>{intro}</p>}
      <ErrorBox message={error} />
      <div className="inline-form">
        <Field label={t.nameLabel} error={fieldErrors['name']} hint={t.nameHint}>
          {(id, d) => <input id={id} aria-describedby={d} value={name} onChange={(e) => setName(e.target.value)} maxLength={300} />}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {t.saveName}
        </button>
      </div>
      <Notice message={saved} />
    </form>
  );
}
