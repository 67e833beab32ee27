// Charts of the appraisal (recharts): per area the maximum, the self-score and the council's
// points side by side; and, when earlier years were appraised, the total and each area by year.
// Loaded on demand (the chart library is most of its size): start-up does not pay for it.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPoints } from '../../../../shared/format';
import { vi } from '../../../../shared/i18n/vi';
import type { AppraisalView } from '../../../../shared/api/appraisal-schemas';

const t = vi.appraisal.ui;
type Comparison = NonNullable<AppraisalView['comparison']>;
const COLOURS = { max: '#b8b8b8', self: '#2a6bbf', appraised: '#e3731c' };
const AREA_COLOURS = ['#2a6bbf', '#e3731c', '#3f9b45', '#a23b72', '#8c6d1f', '#1b9aaa', '#c94c4c', '#5c5c99'];
const fmt = (v: unknown) => (typeof v === 'number' ? formatPoints(v) : String(v));
// No animation: a leader reading the screen (and a screenshot) sees the final bars at once.
const still = { isAnimationActive: false } as const;

export function AreaChart({ c }: { c: Comparison }) {
  const data = c.areas.map((a) => ({ name: `${t.area} ${a.code}`, title: a.title, max: a.max, self: a.self, appraised: a.appraised }));
  return (
    <figure className="chart" role="img" aria-label={t.chartAreasLabel} data-testid="chart-areas">
      <figcaption>{t.chartAreas}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} tickFormatter={fmt} />
          <Tooltip formatter={fmt} labelFormatter={(_l, p) => String((p[0]?.payload as { title?: string } | undefined)?.title ?? '')} />
          <Legend itemSorter={null} />
          <Bar dataKey="max" name={t.max} fill={COLOURS.max} {...still} />
          <Bar dataKey="self" name={t.self} fill={COLOURS.self} {...still} />
          <Bar dataKey="appraised" name={t.appraised} fill={COLOURS.appraised} {...still} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

export function YearsChart({ c }: { c: Comparison }) {
  if (c.history.length < 2) return null;
  const codes = c.areas.map((a) => a.code);
  const data = c.history.map((h) => ({
    name: String(h.year),
    total: h.appraised,
    ...Object.fromEntries(h.areas.filter((a) => codes.includes(a.code)).map((a) => [`a${a.code}`, a.appraised])),
  }));
  return (
    <figure className="chart" role="img" aria-label={t.chartYearsLabel} data-testid="chart-years">
      <figcaption>{t.chartYears}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis yAxisId="total" tick={{ fontSize: 12 }} tickFormatter={fmt} />
          <YAxis yAxisId="area" orientation="right" tick={{ fontSize: 12 }} tickFormatter={fmt} />
          <Tooltip formatter={fmt} />
          <Legend itemSorter={null} />
          <Line yAxisId="total" dataKey="total" name={`${t.total} (${t.appraised.toLowerCase()})`} stroke="#222" strokeWidth={3} {...still} />
          {codes.map((code, i) => (
            <Line key={code} yAxisId="area" dataKey={`a${code}`} name={`${t.area} ${code}`} stroke={AREA_COLOURS[i % AREA_COLOURS.length]} {...still} />
          ))}
        </LineChart>
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
