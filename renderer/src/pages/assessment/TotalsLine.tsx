import { formatPoints } from '../../../../shared/format';
import type { TotalsView } from '../../../../shared/api/assessment-schemas';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.ui;

/** The assessment's total, of the applicable maximum, with its rating: in the page head. */
export function TotalsLine({ totals }: { totals: TotalsView }) {
  const o = totals.overall;
  return (
    <div className="totals" aria-label={t.totals}>
      <strong data-testid="total-points">{formatPoints(o.points)}</strong> {t.of} {formatPoints(o.applicableMax)} {t.pointsUnit}
      {o.percent !== null && <> ({formatPoints(o.percent)}%)</>}
      {totals.band && (
        <>
          {' '}
          — {t.rating}: <strong data-testid="rating">{totals.band}</strong>
        </>
      )}
    </div>
  );
}
