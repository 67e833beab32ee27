// Long package jobs (building, copying to a memory stick) as progress bars with a cancel button,
// fed by the back end's job events.
import { useEffect, useState } from 'react';
import { call, onEvent } from '../../api/client';
import type { JobProgress } from '../../../../shared/api/schemas';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.packagesUi;

export function useJobs() {
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

export function JobBar({ job }: { job: JobProgress }) {
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
