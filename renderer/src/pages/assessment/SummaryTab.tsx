// "Tổng hợp" tab: points by area with the same total and rating as the summary document, its
// XLSX/PDF export, and for a leader sending the report and supplementary windows.
import { useState } from 'react';
import { call, fileUrl } from '../../api/client';
import { ErrorBox } from '../../components/form';
import { Downloads, IssueList } from '../../components/lists';
import { useSubmit } from '../../components/useForm';
import { SendReport } from '../../components/SendReport';
import { formatPoints } from '../../../../shared/format';
import type { AssessmentDetail } from '../../../../shared/api/assessment-schemas';
import { vi } from '../../../../shared/i18n/vi';
import { SupplementaryForm } from './SupplementaryForm';

const t = vi.ui;

export function SummaryTab({ d, isLeader, onChange }: { d: AssessmentDetail; isLeader: boolean; onChange: () => void }) {
  const sub = useSubmit();
  const [links, setLinks] = useState<{ href: string; name: string }[]>([]);
  const a = d.assessment;
  const exportAs = async (format: 'xlsx' | 'pdf') => {
    const f = await sub.submit(() => call('assessment.exportSummary', { assessmentId: a.id, format }));
    if (f) setLinks((l) => [{ href: fileUrl(f.fileId), name: f.fileName }, ...l.filter((x) => x.name !== f.fileName)]);
  };
  const areas = d.nodes.filter((n) => n.level === 1);
  return (
    <div>
      <ErrorBox message={sub.error} />
      {sub.error && <IssueList issues={sub.fieldErrors} />}
      <table className="table" aria-label={t.byArea}>
        <thead>
          <tr>
            <th>{t.code}</th>
            <th>{t.area}</th>
            <th className="num">{t.maxPoints}</th>
            <th className="num">{t.applicableMaxCol}</th>
            <th className="num">{t.selfPoints}</th>
            <th className="num">%</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((n) => {
            const x = d.totals.byCode[n.code];
            return (
              <tr key={n.code}>
                <td>{n.code}</td>
                <td>{n.title}</td>
                <td className="num">{n.maxPoints === null ? '?' : formatPoints(n.maxPoints)}</td>
                <td className="num">{x ? formatPoints(x.applicableMax) : ''}</td>
                <td className="num">{x ? formatPoints(x.points) : ''}</td>
                <td className="num">{x?.percent != null ? formatPoints(x.percent) : ''}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          {/* The same total and rating as the summary document, so the screen and the document agree. */}
          <tr className="total-row" data-testid="area-total">
            <td />
            <th scope="row">{vi.daily.summary.total}</th>
            <td className="num">{formatPoints(areas.reduce((sum, n) => sum + (n.maxPoints ?? 0), 0))}</td>
            <td className="num">{formatPoints(d.totals.overall.applicableMax)}</td>
            <td className="num">{formatPoints(d.totals.overall.points)}</td>
            <td className="num">{d.totals.overall.percent != null ? formatPoints(d.totals.overall.percent) : ''}</td>
          </tr>
          {d.totals.band && (
            <tr>
              <td />
              <th scope="row">{t.rating}</th>
              <td colSpan={4} data-testid="area-rating">
                <strong>{d.totals.band}</strong>
              </td>
            </tr>
          )}
        </tfoot>
      </table>
      <div className="actions start">
        <button onClick={() => void exportAs('xlsx')} disabled={sub.busy}>
          {t.exportXlsx}
        </button>
        <button onClick={() => void exportAs('pdf')} disabled={sub.busy}>
          {t.exportPdf}
        </button>
      </div>
      <Downloads links={links} />
      {isLeader && <SendReport a={a} canSend={d.editable.ok} onChange={onChange} />}
      {isLeader && <SupplementaryForm d={d} onDone={onChange} />}
    </div>
  );
}
