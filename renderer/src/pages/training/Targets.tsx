// Document 004's targets from the register: the figure, the goal, the gap and who is missing;
// managers mark who advises on CCHC and who works at the one-stop desk, and set the thresholds.
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Field, Notice } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { useLoad } from '../../components/useLoad';
import { vi } from '../../../../shared/i18n/vi';
import type { TargetsView } from '../../../../shared/api/inspection-schemas';

const t = vi.training;

function Population({ view, onSaved }: { view: TargetsView; onSaved: (v: TargetsView) => void }) {
  const [flags, setFlags] = useState(() => new Map(view.people.map((p) => [p.id, { advises: p.advises, oneStop: p.oneStop }])));
  const { busy, error, submit } = useSubmit();
  const set = (id: number, k: 'advises' | 'oneStop', v: boolean) => setFlags((m) => new Map(m).set(id, { ...m.get(id)!, [k]: v }));
  const save = async () => {
    const r = await submit(() => call('training.setPopulation', { year: view.year, people: [...flags].map(([userId, f]) => ({ userId, ...f })) }));
    if (r) onSaved(r);
  };
  return (
    <div className="panel">
      <h3>{t.population}</h3>
      <ErrorBox message={error} />
      <table className="table">
        <thead>
          <tr>
            <th>{t.person}</th>
            <th>{t.advises}</th>
            <th>{t.oneStop}</th>
          </tr>
        </thead>
        <tbody>
          {view.people.map((p) => (
            <tr key={p.id}>
              <td>
                {p.fullName} <span className="muted">· {p.position}</span>
              </td>
              {(['advises', 'oneStop'] as const).map((k) => (
                <td key={k}>
                  <input
                    type="checkbox"
                    aria-label={`${t[k]}: ${p.fullName}`}
                    checked={flags.get(p.id)?.[k] ?? false}
                    onChange={(e) => set(p.id, k, e.target.checked)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void save()}>
          {t.savePopulation}
        </button>
      </div>
    </div>
  );
}

function Thresholds() {
  const { data, setData } = useLoad(() => call('settings.get', {}), []);
  const { error, submit } = useSubmit();
  const [saved, setSaved] = useState<string | null>(null);
  if (!data) return null;
  const th = data.trainingTargets;
  const save = async (next: typeof th) => {
    const r = await submit(() => call('settings.update', { trainingTargets: next }));
    if (r) {
      setData(r);
      setSaved(vi.app.saved);
    }
  };
  return (
    <div className="panel">
      <h3>{t.thresholds}</h3>
      <ErrorBox message={error} />
      <Notice message={saved} />
      <div className="grid2">
        <Field label={t.targetNames.T1}>
          {(id) => (
            <input
              id={id}
              inputMode="decimal"
              defaultValue={th.advisingPercent}
              onBlur={(e) => void save({ ...th, advisingPercent: Number(e.target.value.replace(',', '.')) })}
            />
          )}
        </Field>
        <Field label={t.targetNames.T2}>
          {(id) => (
            <input
              id={id}
              inputMode="decimal"
              defaultValue={th.oneStopPercent}
              onBlur={(e) => void save({ ...th, oneStopPercent: Number(e.target.value.replace(',', '.')) })}
            />
          )}
        </Field>
      </div>
    </div>
  );
}

export function Targets({ canManage }: { canManage: boolean }) {
  const year = new Date().getFullYear();
  const { data, setData, error } = useLoad(() => call('training.targets', { year }), [year]);
  if (error) return <ErrorBox message={error} />;
  if (!data) return null;
  return (
    <section aria-labelledby="targets-title">
      <h2 id="targets-title">{t.targetsTitle(data.year)}</h2>
      <div className="grid2">
        {data.figures.map((f) => (
          <div key={f.id} className="panel" data-testid={`target-${f.id}`}>
            <h3>{t.targetNames[f.id]}</h3>
            <p className="big">{t.targetLine(f.trained, f.eligible, f.percent)}</p>
            <p>{t.targetGoal(f.operator, f.threshold)}</p>
            {f.percent !== null && <p className={f.met ? 'ok' : 'warn'}>{f.met ? t.targetMet : t.targetGap(f.gap ?? 0)}</p>}
            {f.missing.length > 0 && (
              <p className="muted">
                {t.missing}: {f.missing.map((m) => m.fullName).join(', ')}
              </p>
            )}
          </div>
        ))}
      </div>
      {canManage && <Population view={data} onSaved={setData} />}
      {canManage && <Thresholds />}
    </section>
  );
}
