// The appraisal's two recharts charts, drawn alike on the screen (inside a ResponsiveContainer)
// and in the plan's PDF (at a fixed size, main/services/appraisal/chart-render.ts): per area the
// maximum, the self-score and the council's points; and, over the appraised years, the total and
// each area. Pure components: props are the numbers, nothing is fetched; no animation, so a
// screenshot or a PDF gets the final bars at once.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPoints } from '../format';
import { viAppraisal } from '../i18n/vi/appraisal';

const t = viAppraisal.ui;
export interface ChartAreas {
  areas: { code: string; title: string; max: number; self: number; appraised: number }[];
  history: { year: number; appraised: number; areas: { code: string; appraised: number }[] }[];
}
/** Fixed size for the PDF; omitted on the screen, where the ResponsiveContainer gives it. */
export interface ChartSize {
  width?: number;
  height?: number;
  /** The PDF has no pointer: no tooltip; and its legend's height is given (no layout there to measure it). */
  print?: { legendHeight: number };
}
export const CHART_COLOURS = { max: '#b8b8b8', self: '#2a6bbf', appraised: '#e3731c' };
const AREA_COLOURS = ['#2a6bbf', '#e3731c', '#3f9b45', '#a23b72', '#8c6d1f', '#1b9aaa', '#c94c4c', '#5c5c99'];
const fmt = (v: unknown) => (typeof v === 'number' ? formatPoints(v) : String(v));
const still = { isAnimationActive: false } as const;
const MARGIN = { top: 8, right: 8, bottom: 0, left: -16 };

/** The legend's words, as both charts show them (the PDF's test reads them back). */
export const chartLegend = {
  areas: [t.max, t.self, t.appraised],
  total: `${t.total} (${t.appraised.toLowerCase()})`,
  area: (code: string) => `${t.area} ${code}`,
};

export function AreaBarChart({ c, width, height, print }: { c: ChartAreas } & ChartSize) {
  const data = c.areas.map((a) => ({ name: chartLegend.area(a.code), title: a.title, max: a.max, self: a.self, appraised: a.appraised }));
  return (
    <BarChart width={width} height={height} data={data} margin={MARGIN}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="name" tick={{ fontSize: 12 }} />
      <YAxis tick={{ fontSize: 12 }} tickFormatter={fmt} />
      {print ? null : <Tooltip formatter={fmt} labelFormatter={(_l, p) => String((p[0]?.payload as { title?: string } | undefined)?.title ?? '')} />}
      <Legend itemSorter={null} height={print?.legendHeight} />
      <Bar dataKey="max" name={t.max} fill={CHART_COLOURS.max} {...still} />
      <Bar dataKey="self" name={t.self} fill={CHART_COLOURS.self} {...still} />
      <Bar dataKey="appraised" name={t.appraised} fill={CHART_COLOURS.appraised} {...still} />
    </BarChart>
  );
}

export function YearsLineChart({ c, width, height, print }: { c: ChartAreas } & ChartSize) {
  const codes = c.areas.map((a) => a.code);
  const data = c.history.map((h) => ({
    name: String(h.year),
    total: h.appraised,
    ...Object.fromEntries(h.areas.filter((a) => codes.includes(a.code)).map((a) => [`a${a.code}`, a.appraised])),
  }));
  return (
    <LineChart width={width} height={height} data={data} margin={MARGIN}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="name" tick={{ fontSize: 12 }} />
      <YAxis yAxisId="total" tick={{ fontSize: 12 }} tickFormatter={fmt} />
      <YAxis yAxisId="area" orientation="right" tick={{ fontSize: 12 }} tickFormatter={fmt} />
      {print ? null : <Tooltip formatter={fmt} />}
      <Legend itemSorter={null} height={print?.legendHeight} />
      <Line yAxisId="total" dataKey="total" name={chartLegend.total} stroke="#222" strokeWidth={3} {...still} />
      {codes.map((code, i) => (
        <Line key={code} yAxisId="area" dataKey={`a${code}`} name={chartLegend.area(code)} stroke={AREA_COLOURS[i % AREA_COLOURS.length]} {...still} />
      ))}
    </LineChart>
  );
}
