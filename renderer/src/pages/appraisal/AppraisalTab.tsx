// "Kết quả thẩm định": the council's form to download, its filled file to import (every problem
// listed by row when refused), then the comparison — charts, and per criterion and area the
// maximum, self-score, council's points, difference and reason, differences highlighted.
import { lazy, Suspense, useRef, useState } from 'react';
import { call, fileUrl, upload } from '../../api/client';
import { ErrorBox, Notice } from '../../components/form';
import { Downloads, IssueList } from '../../components/lists';
import { FileButton } from '../../components/FileButton';
import { useSubmit } from '../../components/useForm';
import { useLoad } from '../../components/useLoad';
import { formatDateTime, formatPoints } from '../../../../shared/format';
import { vi } from '../../../../shared/i18n/vi';
import type { AssessmentDetail } from '../../../../shared/api/assessment-schemas';
import type { CompareRowView } from '../../../../shared/api/appraisal-schemas';

const AppraisalCharts = lazy(() => import('./AppraisalCharts'));

const t = vi.appraisal.ui;
const pts = (n: number | null) => (n === null ? '' : formatPoints(n));
const signed = (n: number | null) => (n === null ? '' : n > 0 ? `+${formatPoints(n)}` : formatPoints(n));

function Row({ r }: { r: CompareRowView }) {
  const cls = [`level-${r.level}`, r.highlight ? 'appraisal-diff' : '', r.lost > 0 && r.isLeaf ? 'appraisal-lost' : ''].filter(Boolean).join(' ');
  return (
    <tr className={cls} data-code={r.code}>
      <td className="nowrap">{r.code}</td>
      <td style={{ paddingLeft: `${0.65 + (r.level - 1) * 1.2}rem` }}>{r.title}</td>
      <td className="num">{pts(r.max)}</td>
      <td className="num">{r.notApplicable ? 'KPS' : pts(r.self)}</td>
      <td className="num">{r.notScored ? vi.appraisal.notScored : pts(r.appraised)}</td>
      <td className="num" data-testid={r.highlight ? 'diff' : undefined}>
        {r.diff ? <strong>{signed(r.diff)}</strong> : ''}
      </td>
      <td className="small">{r.reason}</td>
    </tr>
  );
}

export function AppraisalTab({ d, isLeader }: { d: AssessmentDetail; isLeader: boolean }) {
  const id = d.assessment.id;
  const { data, error, reload } = useLoad(() => call('appraisal.get', { assessmentId: id }), [id]);
  const sub = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const [links, setLinks] = useState<{ href: string; name: string }[]>([]);
  const [onlyDiff, setOnlyDiff] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const onTemplate = async () => {
    const f = await sub.submit(() => call('appraisal.template', { assessmentId: id }));
    if (f) setLinks([{ href: fileUrl(f.fileId), name: f.fileName }]);
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setNotice(null);
    const r = await sub.submit(async () => call('appraisal.import', { assessmentId: id, uploadId: (await upload(file)).uploadId }));
    if (input.current) input.current.value = '';
    if (r) {
      setNotice(r.message);
      reload();
    }
  };
  if (error) return <ErrorBox message={error} />;
  if (!data) return <p>{vi.app.loading}</p>;
  const c = data.comparison;
  const rows = c ? c.rows.filter((r) => !onlyDiff || r.highlight || (r.isLeaf && r.lost > 0)) : [];
  return (
    <div className="appraisal">
      <p className="muted">{t.intro}</p>
      <div className="actions">
        <button onClick={() => void onTemplate()} disabled={sub.busy}>
          {t.template}
        </button>
        {isLeader && <FileButton className="primary" label={t.importFile} accept=".xlsx" inputRef={input} onFile={(f) => void onFile(f)} disabled={sub.busy} />}
      </div>
      <Downloads links={links} />
      <Notice message={notice} />
      <ErrorBox message={sub.error} />
      {sub.error && <IssueList issues={sub.fieldErrors} />}
      {!data.imported || !c ? (
        <p>{t.notYet}</p>
      ) : (
        <>
          <p className="muted small">
            {data.imported.source === 'receiver'
              ? t.fromReceiver(formatDateTime(data.imported.at))
              : t.importedFrom(data.imported.sourceName, formatDateTime(data.imported.at), data.imported.byName)}
          </p>
          <p className="totals" data-testid="appraisal-totals">
            <strong>{t.totals(formatPoints(c.total.self), formatPoints(c.total.appraised), formatPoints(c.total.max), signed(c.total.diff))}</strong>
            {' · '}
            {t.differences(c.rows.filter((r) => r.isLeaf && r.highlight).length)}
          </p>
          <Suspense fallback={<p className="muted">{vi.app.loading}</p>}>
            <AppraisalCharts c={c} />
          </Suspense>
          <table className="table tree appraisal-areas" aria-label={t.chartAreas}>
            <thead>
              <tr>
                <th>{t.area}</th>
                <th className="num">{t.max}</th>
                <th className="num">{t.self}</th>
                <th className="num">{t.appraised}</th>
                <th className="num">{t.diff}</th>
              </tr>
            </thead>
            <tbody>
              {c.areas.map((a) => (
                <tr key={a.code} className={a.self !== a.appraised ? 'appraisal-diff' : ''}>
                  <td>
                    {a.code}. {a.title}
                  </td>
                  <td className="num">{pts(a.max)}</td>
                  <td className="num">{pts(a.self)}</td>
                  <td className="num">{pts(a.appraised)}</td>
                  <td className="num">{signed(Math.round((a.appraised - a.self) * 100) / 100) || ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <label className="check">
            <input type="checkbox" checked={onlyDiff} onChange={(e) => setOnlyDiff(e.target.checked)} /> {t.onlyDiff}
          </label>
          <table className="table tree" data-testid="appraisal-table">
            <thead>
              <tr>
                <th>{vi.ui.code}</th>
                <th>{vi.ui.criterion}</th>
                <th className="num">{t.max}</th>
                <th className="num">{t.self}</th>
                <th className="num">{t.appraised}</th>
                <th className="num">{t.diff}</th>
                <th>{t.reason}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <Row key={r.code} r={r} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
