// In the item editor: what the council said about this criterion last year — its points, the
// reason and the measure the plan set — so the officer sees what evidence was missing.
import { call } from '../../api/client';
import { useLoad } from '../../components/useLoad';
import { formatPoints } from '../../../../shared/format';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.appraisal.ui;

export function LastYearNote({ assessmentId, code }: { assessmentId: number; code: string }) {
  const { data } = useLoad(() => call('appraisal.previous', { assessmentId, criterionCode: code }), [assessmentId, code]);
  if (!data) return null;
  const lost = data.notScored || (data.max !== null && data.appraised !== null && data.appraised < data.max);
  return (
    <aside className={`alert ${lost ? 'alert--warn' : 'alert--ok'} last-year`} data-testid="last-year">
      <strong>{t.lastYear(data.year)}</strong>{' '}
      {data.notScored
        ? t.lastYearNotScored
        : t.lastYearPoints(
            formatPoints(data.appraised ?? 0),
            data.max === null ? '?' : formatPoints(data.max),
            data.self === null ? null : formatPoints(data.self),
          )}
      {data.reason && (
        <div>
          <strong>{t.lastYearReason}:</strong> {data.reason}
        </div>
      )}
      {data.measure && (
        <div>
          <strong>{t.lastYearMeasure}:</strong> {data.measure}
          {data.taskStatus && ` (${vi.appraisal.taskStatus[data.taskStatus]})`}
        </div>
      )}
    </aside>
  );
}
