// A step's actions in the console: start, end, an incident (an Internet failure is confirmed
// first, naming whom it fails), and the audited time override (minutes with a decimal comma).
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Field, Notice } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { parseDecimal } from '../../../../shared/format';
import type { StepView, TeamView } from '../../../../shared/api/exam-schemas';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.examUi;
const d = vi.examDay;

export function StepActions({ team, step, next, onDone }: { team: TeamView; step: StepView; next?: StepView | undefined; onDone: () => void }) {
  const sub = useSubmit();
  const [panel, setPanel] = useState<'none' | 'incident' | 'confirm' | 'override'>('none');
  const [kind, setKind] = useState<'internet' | 'other'>('internet');
  const [desc, setDesc] = useState('');
  const [minutes, setMinutes] = useState('5');
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const act = async <T,>(f: () => Promise<T>): Promise<T | undefined> => {
    setNotice(null);
    const r = await sub.submit(f);
    if (r !== undefined) {
      setPanel('none');
      setDesc('');
      setReason('');
      onDone();
    }
    return r;
  };
  const people = (step.records.length ? step.records.map((r) => r.fullName) : step.performers.map((p) => p.fullName)).join(', ') || d.incidentNobody;
  const start = (s: StepView) => (
    <button
      className="primary"
      disabled={sub.busy || s.performers.length === 0}
      onClick={() => void act(() => call('exam.startStep', { teamId: team.id, step: s.step as 1 | 2 | 3 | 4 }))}
    >
      {t.start(s.step)}
    </button>
  );
  const recordIncident = async () => {
    const r = await act(() => call('exam.addIncident', { stepId: step.id, kind, description: desc }));
    if (r && r.failed.length) setNotice(d.incidentRecorded(r.failed.join(', ')));
  };
  const override = () => {
    const m = parseDecimal(minutes);
    if (m === null || m === 0) return sub.setFieldError('deltaMs', d.overrideMinutesBad);
    void act(() => call('exam.override', { stepId: step.id, deltaMs: Math.round(m * 60_000), reason }));
  };
  return (
    <div className="step-actions">
      <ErrorBox message={sub.error} />
      <Notice message={notice} />
      <div className="row-actions">
        {step.phase === 'pending' && start(step)}
        {step.phase === 'ended' && next?.phase === 'pending' && start(next)}
        {step.phase === 'running' && (
          <button onClick={() => void act(() => call('exam.endStep', { stepId: step.id }))} disabled={sub.busy}>
            {t.end}
          </button>
        )}
        {step.phase !== 'pending' && !step.failed && (
          <>
            <button onClick={() => setPanel(panel === 'incident' || panel === 'confirm' ? 'none' : 'incident')}>{t.incident}</button>
            <button onClick={() => setPanel(panel === 'override' ? 'none' : 'override')}>{t.override}</button>
          </>
        )}
      </div>
      {panel === 'incident' && (
        <form
          className="subpanel"
          aria-label={`${t.incident} — ${team.commune}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (!desc.trim()) return sub.setFieldError('description', vi.examUi.incidentDescription);
            if (kind === 'internet') setPanel('confirm');
            else void recordIncident();
          }}
        >
          <label className="check">
            <input type="radio" name={`kind-${step.id}`} checked={kind === 'internet'} onChange={() => setKind('internet')} />
            {t.incidentInternet}
          </label>
          <label className="check">
            <input type="radio" name={`kind-${step.id}`} checked={kind === 'other'} onChange={() => setKind('other')} />
            {t.incidentOther}
          </label>
          <Field label={t.incidentDescription} error={sub.fieldErrors['description']}>
            {(id) => <input id={id} value={desc} onChange={(e) => setDesc(e.target.value)} />}
          </Field>
          {kind === 'internet' && <p className="small warn-text">{t.incidentFails}</p>}
          <button type="submit" className="primary" disabled={sub.busy}>
            {t.incident}
          </button>
        </form>
      )}
      {panel === 'confirm' && (
        <div className="subpanel alert alert--warn" role="alertdialog" aria-label={d.incidentConfirmTitle}>
          <strong>{d.incidentConfirmTitle}</strong>
          <p>{d.incidentConfirm(step.step, team.commune, people)}</p>
          <div className="row-actions">
            <button className="primary" disabled={sub.busy} onClick={() => void recordIncident()}>
              {d.incidentConfirmButton}
            </button>
            <button onClick={() => setPanel('incident')}>{vi.app.cancel}</button>
          </div>
        </div>
      )}
      {panel === 'override' && (
        <form
          className="subpanel"
          aria-label={`${t.override} — ${team.commune}`}
          onSubmit={(e) => {
            e.preventDefault();
            override();
          }}
        >
          <Field label={t.overrideMinutes} error={sub.fieldErrors['deltaMs']}>
            {(id) => <input id={id} value={minutes} onChange={(e) => setMinutes(e.target.value)} inputMode="decimal" />}
          </Field>
          <Field label={t.overrideReason} error={sub.fieldErrors['reason']}>
            {(id) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <button type="submit" className="primary" disabled={sub.busy}>
            {t.override}
          </button>
        </form>
      )}
    </div>
  );
}
