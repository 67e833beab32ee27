// Charts of the appraisal (recharts): per area the maximum, the self-score and the council's
// points side by side; and, when earlier years were appraised, the total and each area by year.
// The charts themselves are shared/charts (the plan's PDF draws the same ones); this file sizes
// them to the screen. Loaded on demand (the chart library is most of its size): start-up does not pay for it.
import { ResponsiveContainer } from 'recharts';
import { AreaBarChart, YearsLineChart } from '../../../../shared/charts/appraisal-charts';
import { vi } from '../../../../shared/i18n/vi';
import type { AppraisalView } from '../../../../shared/api/appraisal-schemas';

const t = vi.appraisal.ui;
type Comparison = NonNullable<AppraisalView['comparison']>;

export function AreaChart({ c }: { c: Comparison }) {
  return (
    <figure className="chart" role="img" aria-label={t.chartAreasLabel} data-testid="chart-areas">
      <figcaption>{t.chartAreas}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <AreaBarChart c={c} />
      </ResponsiveContainer>
    </figure>
  );
}

export function YearsChart({ c }: { c: Comparison }) {
  if (c.history.length < 2) return null;
  return (
    <figure className="chart" role="img" aria-label={t.chartYearsLabel} data-testid="chart-years">
      <figcaption>{t.chartYears}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <YearsLineChart c={c} />
      </ResponsiveContainer>
    </figure>
  );
}

/** Both charts side by side (the default export, for React.lazy). */
export default function AppraisalCharts({ c }: { c: Comparison }) {
  return (
    <div className="chart-row">
      <AreaChart c={c} />
      <YearsChart c={c} />
    </div>
  );
}
