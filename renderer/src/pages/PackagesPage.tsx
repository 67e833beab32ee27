// "Gói hồ sơ": the office's signing key, building the signed package of a year's assessment (with
// progress and cancel), USB export, export for manual upload, checking any package file, and
// browsing a package that verified (read-only, files opened from inside it; "Gói đã mở").
import { useEffect, useRef, useState } from 'react';
import { call, upload, fileUrl, onEvent } from '../api/client';
import { ErrorBox, Field } from '../components/form';
import { FileButton } from '../components/FileButton';
import { Toast } from '../components/Toast';
import { KeySection } from '../components/KeySection';
import { useSubmit } from '../components/useForm';
import { useLoad } from '../components/useLoad';
import { PackageViewer } from '../components/PackageViewer';
import { OutboxPanel, SendToProvinceButton } from '../components/OutboxPanel';
import { TrustBadge, TrustResult, TrustedCertificates } from '../components/TrustPanel';
import { SigningPassphraseField, useSigningNeedsPassphrase } from '../components/SigningPassphrase';
import { BlockedSummary, useBlocked } from '../components/BlockedSummary';
import { formatDateTime, formatPoints } from '../../../shared/format';
import type { JobProgress } from '../../../shared/api/schemas';
import type { VerifyView } from '../../../shared/api/package-api-schemas';
import { vi } from '../../../shared/i18n/vi';

const t = vi.packagesUi;
const v = vi.packageViewer;
const mb = (n: number) => `${formatPoints(n / 1024 / 1024)} MB`;

function useJobs() {
  const [jobs, setJobs] = useState<Record<string, JobProgress>>({});
  useEffect(
    () =>
      onEvent((e) => {
        if (e.type !== 'job') return;
        setJobs((j) => {
          const next = { ...j, [e.job.jobId]: e.job };
          if (e.job.state !== 'running') delete next[e.job.jobId];
          return next;
        });
      }),
    [],
  );
  return Object.values(jobs);
}

function JobBar({ job }: { job: JobProgress }) {
  const pct = job.total ? Math.min(100, (job.done / job.total) * 100) : null;
  return (
    <div className="panel job" role="status">
      <strong>{job.label}</strong> {pct !== null && `${Math.round(pct)}%`}
      <div className="bar">
        <span className="bar--done" style={{ width: `${pct ?? 5}%` }} />
      </div>
      <button onClick={() => void call('jobs.cancel', { jobId: job.jobId }).catch(() => undefined)}>{t.cancel}</button>
    </div>
  );
}

function VerifySection({ canManage }: { canManage: boolean }) {
  const sub = useSubmit();
  const [report, setReport] = useState<VerifyView | null>(null);
  const [trustVersion, setTrustVersion] = useState(0);
  const received = useLoad(() => call('package.received', {}), []);
  const input = useRef<HTMLInputElement>(null);
  const show = (r: VerifyView | null) => {
    setReport(r);
    received.reload();
  };
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    setReport(null);
    const r = await sub.submit(async () => call('package.verify', { uploadId: (await upload(f)).uploadId }));
    if (r) show(r);
    if (input.current) input.current.value = '';
  };
  const reopen = async (packageKey: string) => {
    setReport(null);
    const r = await sub.submit(() => call('package.reopen', { packageKey }));
    if (r) show(r);
  };
  const forget = async (packageKey: string) => {
    if (await sub.submit(() => call('package.forget', { packageKey }))) show(report?.packageKey === packageKey ? null : report);
  };
  return (
    <>
      <section className="panel" aria-labelledby="verify-title">
        <h2 id="verify-title">{t.verifyTitle}</h2>
        <FileButton label={t.verifyFile} accept=".zip" inputRef={input} onFile={(f) => void onFile(f)} />
        <ErrorBox message={sub.error} />
        {report && (
          <TrustResult
            report={report}
            canManage={canManage}
            onTrusted={(r) => {
              show(r);
              setTrustVersion((n) => n + 1);
            }}
          />
        )}
      </section>
      {report?.ok && report.packageKey && <PackageViewer key={report.packageKey} view={report} />}
      <section className="panel" aria-labelledby="received-title">
        <h2 id="received-title">{v.receivedTitle}</h2>
        <p className="muted small">{v.receivedIntro}</p>
        {received.data?.length === 0 && <p className="muted">{v.noReceived}</p>}
        {received.data && received.data.length > 0 && (
          <table className="table">
            <tbody>
              {received.data.map((p) => (
                <tr key={p.packageKey} aria-current={report?.packageKey === p.packageKey ? 'true' : undefined}>
                  <td>
                    <strong>{p.title}</strong> <TrustBadge level={p.trust} />
                    <div className="muted small">
                      <span className="filename">{p.fileName}</span> · {mb(p.size)} · {p.signer ? `${t.signedBy}: ${p.signer} · ` : ''}
                      {v.openedAt} {formatDateTime(p.openedAt)}
                    </div>
                  </td>
                  <td className="row-actions">
                    <button onClick={() => void reopen(p.packageKey)} disabled={sub.busy} aria-label={`${v.reopen} ${p.fileName}`}>
                      {v.reopen}
                    </button>
                    {canManage && (
                      <button onClick={() => void forget(p.packageKey)} disabled={sub.busy} aria-label={`${v.forget} ${p.fileName}`}>
                        {v.forget}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <TrustedCertificates canManage={canManage} version={trustVersion} />
    </>
  );
}

export function PackagesPage({ canManage }: { canManage: boolean }) {
  const jobs = useJobs();
  const assessments = useLoad(() => call('assessment.list', {}), []);
  const packages = useLoad(() => call('package.list', {}), []);
  const drives = useLoad(() => (canManage ? call('package.drives', { extraFolders: [] }) : Promise.resolve([])), [canManage]);
  const [assessmentId, setAssessmentId] = useState('');
  const [pass, setPass] = useState('');
  const needsPass = useSigningNeedsPassphrase();
  const [dest, setDest] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [links, setLinks] = useState<Record<number, string>>({});
  const sub = useSubmit();
  const check = useBlocked();
  useEffect(() => {
    if (!assessmentId && assessments.data?.[0]) setAssessmentId(String(assessments.data[0].id));
  }, [assessments.data, assessmentId]);

  const build = async () => {
    setNotice(null);
    const p = await sub.submit(check.guard(() => call('package.build', { assessmentId: Number(assessmentId), passphrase: pass })));
    if (p) {
      setPass('');
      setNotice(t.built(p.fileName));
      packages.reload();
    }
  };
  const download = async (packageId: number) => {
    check.clear();
    const f = await sub.submit(() => call('package.download', { packageId }));
    if (f) setLinks((l) => ({ ...l, [packageId]: fileUrl(f.fileId) }));
  };
  const toDrive = async (packageId: number) => {
    setNotice(null);
    check.clear();
    const r = await sub.submit(() => call('package.exportToDrive', { packageId, destDir: dest }));
    if (r) setNotice(t.exported(r.path));
  };
  const manual = async () => {
    setNotice(null);
    check.clear();
    const r = await sub.submit(() => call('package.exportManual', { assessmentId: Number(assessmentId), destDir: dest }));
    if (r) setNotice(t.manualDone(r.folder, r.files));
  };
  return (
    <section aria-labelledby="packages-title">
      <h1 id="packages-title">{t.title}</h1>
      <p className="muted">{t.intro}</p>
      {jobs.map((j) => (
        <JobBar key={j.jobId} job={j} />
      ))}
      <Toast
        notice={notice}
        error={sub.error}
        issues={sub.fieldErrors}
        onClose={() => {
          setNotice(null);
          sub.setError(null);
        }}
      />
      <KeySection canManage={canManage} onChange={check.clear} />
      {canManage && (
        <section className="panel" aria-labelledby="build-title">
          <h2 id="build-title">{t.build}</h2>
          <div className="grid2">
            <Field label={t.assessment}>
              {(id) => (
                <select
                  id={id}
                  value={assessmentId}
                  onChange={(e) => {
                    setAssessmentId(e.target.value);
                    check.clear();
                  }}
                >
                  {assessments.data?.map((a) => (
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
      )}
      <OutboxPanel canManage={canManage} />
      <section className="panel" aria-labelledby="list-title">
        <h2 id="list-title">{t.list}</h2>
        {canManage && (
          <div className="grid2">
            <Field label={t.drives}>
              {(id) => (
                <select id={id} value={dest} onChange={(e) => setDest(e.target.value)}>
                  <option value="">—</option>
                  {drives.data?.map((d) => (
                    <option key={d.path} value={d.path}>
                      {d.label} — {d.freeBytes !== null ? `${mb(d.freeBytes)} ${t.free}` : ''} {d.fat32 ? t.fat32Note : ''}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t.folder}>{(id) => <input id={id} value={dest} onChange={(e) => setDest(e.target.value)} spellCheck={false} />}</Field>
            <div className="row-actions">
              <button onClick={drives.reload}>{t.refresh}</button>
              <button onClick={() => void manual()} disabled={!dest || !assessmentId || sub.busy}>
                {t.manual}
              </button>
            </div>
          </div>
        )}
        {drives.data?.length === 0 && canManage && <p className="muted small">{t.noDrives}</p>}
        <ErrorBox message={packages.error} />
        {packages.data?.length === 0 && <p>{t.noPackages}</p>}
        {packages.data && packages.data.length > 0 && (
          <table className="table">
            <tbody>
              {packages.data.map((p) => (
                <tr key={p.id}>
                  <td>
                    <span className="badge">{vi.examPackages.kinds[p.kind]}</span> <strong className="filename">{p.fileName}</strong>
                    <div className="muted small">
                      {formatDateTime(p.createdAt)} · {mb(p.size)} · {t.filesCount(p.payloadFiles)} · sha256 {p.sha256.slice(0, 16)}…
                    </div>
                  </td>
                  <td className="row-actions">
                    {links[p.id] ? (
                      <a href={links[p.id]} download={p.fileName}>
                        {p.fileName}
                      </a>
                    ) : (
                      <button onClick={() => void download(p.id)}>{t.download}</button>
                    )}
                    {canManage && (
                      <button onClick={() => void toDrive(p.id)} disabled={!dest || sub.busy}>
                        {t.toDrive}
                      </button>
                    )}
                    {canManage && <SendToProvinceButton packageId={p.id} sha256={p.sha256} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <VerifySection canManage={canManage} />
    </section>
  );
}
