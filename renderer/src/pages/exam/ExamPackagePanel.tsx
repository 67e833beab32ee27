// "Gói kết quả ký số" on a round's results tab: signs the round's results into a package with the
// office key (leaders only — the key is the office's), with job progress and cancel, and points
// to "Gói hồ sơ" for download and USB export. A refusal lists what is still unfinished.
// With the province connected, a signed package goes to the same outbox as "Gửi báo cáo": "Gửi lên
// tỉnh" beside a package already signed (reused as it is), or "Ký và gửi lên tỉnh" signs the
// results as they stand now and queues that package. Without a connection it says: by USB.
import { useEffect, useState } from 'react';
import { call, onEvent } from '../../api/client';
import { ErrorBox, Notice } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { useLoad } from '../../components/useLoad';
import { SigningPassphraseField, useSigningNeedsPassphrase } from '../../components/SigningPassphrase';
import { useSync } from '../../components/useSync';
import { RecordPackages } from '../../components/RecordPackages';
import { useApp } from '../../store';
import type { JobProgress } from '../../../../shared/api/schemas';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.examPackages;
const ts = vi.sync.ui;

/** The build job's progress (the back end reports it as job events while the call is pending). */
function useBuildJob(): JobProgress | null {
  const [job, setJob] = useState<JobProgress | null>(null);
  useEffect(() => onEvent((e) => e.type === 'job' && e.job.label === t.building && setJob(e.job.state === 'running' ? e.job : null)), []);
  return job;
}

export function ExamPackagePanel({ roundId, pending }: { roundId: number; pending: number }) {
  const roles = useApp((st) => st.session?.user.roles ?? []);
  const canSign = roles.includes('leader') || roles.includes('admin');
  const packages = useLoad(() => (canSign ? call('package.list', {}) : Promise.resolve([])), [canSign]);
  const [pass, setPass] = useState('');
  const needsPass = useSigningNeedsPassphrase();
  const [allowIncomplete, setAllowIncomplete] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const job = useBuildJob();
  const sub = useSubmit();
  const sync = useSync();
  const connected = sync.data?.connection != null;
  /** Signs the results as they stand; with `andSend`, queues the new package for the province too. */
  const build = async (andSend: boolean) => {
    setNotice(null);
    const p = await sub.submit(async () => {
      const built = await call('package.buildExam', { roundId, passphrase: pass, allowIncomplete });
      if (andSend) await call('sync.queue', { packageId: built.id });
      return built;
    });
    if (p) {
      setPass('');
      setNotice(andSend ? ts.examQueued(p.fileName) : t.built(p.fileName));
      packages.reload();
      sync.reload();
    }
  };
  const mine = (packages.data ?? []).filter((p) => p.kind === 'exam' && p.refId === roundId);
  const problems = Object.values(sub.fieldErrors);
  return (
    <section className="panel" aria-labelledby="exam-package-title">
      <h2 id="exam-package-title">{t.title}</h2>
      <p className="muted small">{t.intro}</p>
      {!canSign ? (
        <p className="muted">{t.leadersOnly}</p>
      ) : (
        <>
          <div className="grid2">
            <SigningPassphraseField needed={needsPass} value={pass} onChange={setPass} />
            <label className="check">
              <input type="checkbox" checked={allowIncomplete} onChange={(e) => setAllowIncomplete(e.target.checked)} /> {t.allowIncomplete}
              {pending > 0 && (
                <span className="muted small">
                  {' '}
                  ({pending} {vi.examUi.notFinished.toLowerCase()})
                </span>
              )}
            </label>
          </div>
          <div className="actions start">
            <button className={connected ? undefined : 'primary'} onClick={() => void build(false)} disabled={sub.busy || (needsPass && !pass)}>
              {t.build}
            </button>
            {connected && (
              <button className="primary" onClick={() => void build(true)} disabled={sub.busy || (needsPass && !pass)}>
                {ts.examSignAndSend}
              </button>
            )}
          </div>
          {sync.data && (
            <p className={connected ? 'muted small' : 'alert alert--warn'} data-testid="exam-delivery">
              {connected ? ts.examSendHint : ts.examUsb}
            </p>
          )}
          {job && (
            <div className="panel job" role="status">
              <strong>{job.label}</strong> {job.total ? `${Math.round(Math.min(100, (job.done / job.total) * 100))}%` : ''}
              <button onClick={() => void call('jobs.cancel', { jobId: job.jobId }).catch(() => undefined)}>{vi.packagesUi.cancel}</button>
            </div>
          )}
          <Notice message={notice} />
          <ErrorBox message={sub.error} />
          {problems.length > 0 && (
            <>
              <ul className="issues" aria-label={t.title}>
                {problems.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
              {!allowIncomplete && <p className="muted small">{t.incompleteHint}</p>}
            </>
          )}
          <RecordPackages packages={mine} label={t.title} />
          {(mine.length > 0 || notice) && (
            <p>
              <a href="#/packages">{t.toPackages}</a>
            </p>
          )}
        </>
      )}
    </section>
  );
}
