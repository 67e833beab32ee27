// "Gói hồ sơ": the office's signing key, building the signed package of a year's assessment (with
// progress and cancel), USB export, export for manual upload, checking any package file, and
// browsing a package that verified (read-only, files opened from inside it; "Gói đã mở").
// Each panel lives in packages/; this page holds what they share (the chosen assessment, the toast).
import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { Toast } from '../components/Toast';
import { KeySection } from '../components/KeySection';
import { useSubmit } from '../components/useForm';
import { useLoad } from '../components/useLoad';
import { OutboxPanel } from '../components/OutboxPanel';
import { useBlocked } from '../components/BlockedSummary';
import { JobBar, useJobs } from './packages/JobBar';
import { BuildPanel } from './packages/BuildPanel';
import { PackageList } from './packages/PackageList';
import { VerifySection } from './packages/VerifySection';
import { vi } from '../../../shared/i18n/vi';

const t = vi.packagesUi;

export function PackagesPage({ canManage }: { canManage: boolean }) {
  const jobs = useJobs();
  const assessments = useLoad(() => call('assessment.list', {}), []);
  const packages = useLoad(() => call('package.list', {}), []);
  const [assessmentId, setAssessmentId] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const sub = useSubmit();
  const check = useBlocked();
  useEffect(() => {
    if (!assessmentId && assessments.data?.[0]) setAssessmentId(String(assessments.data[0].id));
  }, [assessments.data, assessmentId]);
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
        <BuildPanel
          assessments={assessments.data}
          assessmentId={assessmentId}
          onPick={setAssessmentId}
          sub={sub}
          check={check}
          say={setNotice}
          onBuilt={packages.reload}
        />
      )}
      <OutboxPanel canManage={canManage} />
      <PackageList canManage={canManage} packages={packages} assessmentId={assessmentId} sub={sub} say={setNotice} clearBlocked={check.clear} />
      <VerifySection canManage={canManage} />
    </section>
  );
}
