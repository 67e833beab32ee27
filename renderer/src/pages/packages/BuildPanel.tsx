// Building the signed package of a year's assessment; when the precheck or a missing key blocks
// it, what blocks it and where to fix it.
import { useState } from 'react';
import { call } from '../../api/client';
import { Field } from '../../components/form';
import { SigningPassphraseField, useSigningNeedsPassphrase } from '../../components/SigningPassphrase';
import { BlockedSummary, type useBlocked } from '../../components/BlockedSummary';
import type { useSubmit } from '../../components/useForm';
import type { AssessmentSummary } from '../../../../shared/api/assessment-schemas';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.packagesUi;

export function BuildPanel({
  assessments,
  assessmentId,
  onPick,
  sub,
  check,
  say,
  onBuilt,
}: {
  assessments: AssessmentSummary[] | null;
  assessmentId: string;
  onPick: (id: string) => void;
  sub: ReturnType<typeof useSubmit>;
  check: ReturnType<typeof useBlocked>;
  say: (notice: string | null) => void;
  onBuilt: () => void;
}) {
  const [pass, setPass] = useState('');
  const needsPass = useSigningNeedsPassphrase();
  const build = async () => {
    say(null);
    const p = await sub.submit(check.guard(() => call('package.build', { assessmentId: Number(assessmentId), passphrase: pass })));
    if (p) {
      setPass('');
      say(t.built(p.fileName));
      onBuilt();
    }
  };
  return (
    <section className="panel" aria-labelledby="build-title">
      <h2 id="build-title">{t.build}</h2>
      <div className="grid2">
        <Field label={t.assessment}>
          {(id) => (
            <select
              id={id}
              value={assessmentId}
              onChange={(e) => {
                onPick(e.target.value);
                check.clear();
              }}
            >
              {assessments?.map((a) => (
                <option key={a.id} value={a.id}>
                  {vi.app.yearOf(a.year)} — {a.setName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <SigningPassphraseField needed={needsPass} value={pass} onChange={setPass} />
      </div>
      <div className="actions start">
        <button className="primary" onClick={() => void build()} disabled={sub.busy || !assessmentId}>
          {t.build}
        </button>
      </div>
      <BlockedSummary blocked={check.blocked} checkHref={`#/assessment/${assessmentId}/precheck`} />
    </section>
  );
}
