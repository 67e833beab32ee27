// The demo shows the whole appraisal cycle (issue 10): the year before last and last year both
// appraised — last year with document 002's numbers (72,75 of 98, the council's 0,5 for 1.8) —
// so the comparison has its year-over-year chart; the older plan is closed, last year's is partly
// done with one task late; this year's criteria show what the council said last time; the plan's
// PDF carries the year-over-year chart as well.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, cleanup, type TestApp } from '../helpers/services';
import { createDemo, DEMO_PASSWORD } from '../../main/services/demo';
import { checkDatabase } from '../../main/services/db-check';
import { formatPoints } from '../../shared/format';
import { CHART_COLOURS, chartLegend } from '../../shared/charts/appraisal-charts';
import { execFileSync } from 'node:child_process';

let app: TestApp;
let token: string;
let year: number;

beforeEach(async () => {
  app = openTestApp();
  app.clock.set(Date.UTC(2026, 11, 3, 8));
  ({ year } = await createDemo(app.s));
  token = (await app.call('auth.login', { username: 'chutich', password: DEMO_PASSWORD })).token;
});
afterEach(() => {
  app.close();
  cleanup(app.dir);
});

const idOf = async (y: number) => (await app.call('assessment.list', {}, token)).find((a) => a.year === y)!.id;

describe('kiemchung demo: the appraisal cycle', () => {
  it('two appraised years: last year is document 002’s, the year before lower, both in the year-over-year history', async () => {
    expect((await app.call('assessment.list', {}, token)).map((a) => a.year)).toEqual([year, year - 1, year - 2]);
    const last = await app.call('appraisal.get', { assessmentId: await idOf(year - 1) }, token);
    const c = last.comparison!;
    expect(c.total).toMatchObject({ max: 98, self: 73.25, appraised: 72.75, diff: -0.5 });
    expect(c.rows.find((r) => r.code === '1.8')).toMatchObject({ self: 1, appraised: 0.5, highlight: true, reason: expect.stringMatching(/quá hạn/) });
    expect(c.history.map((h) => h.year)).toEqual([year - 2, year - 1]);
    const [older, newer] = c.history;
    expect(older!.appraised).toBeLessThan(newer!.appraised);
    expect(older!.areas.map((a) => a.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    // The older year on its own: no earlier history, and the council's points below the self-score somewhere.
    const before = await app.call('appraisal.get', { assessmentId: await idOf(year - 2) }, token);
    expect(before.comparison!.history.map((h) => h.year)).toEqual([year - 2]);
    expect(before.comparison!.rows.some((r) => r.isLeaf && r.diff !== null && r.diff < 0)).toBe(true);
    expect((await app.call('appraisal.get', { assessmentId: await idOf(year) }, token)).imported).toBeNull();
  });

  it('the older plan is closed; last year’s is partly done with one task late, given to officers and to a unit', async () => {
    const older = await app.call('plan.get', { assessmentId: await idOf(year - 2) }, token);
    expect(older.tasks.length).toBeGreaterThan(0);
    expect(older.tasks.every((t) => t.status === 'done' && t.measure !== '' && !t.overdue)).toBe(true);

    const plan = await app.call('plan.get', { assessmentId: await idOf(year - 1) }, token);
    const count = (st: string) => plan.tasks.filter((t) => t.status === st).length;
    expect([count('done'), count('doing'), count('todo')].every((n) => n > 0)).toBe(true);
    expect(plan.tasks.filter((t) => t.overdue)).toHaveLength(1);
    expect(plan.tasks.some((t) => t.assigneeUnit === 'Văn phòng HĐND và UBND xã')).toBe(true);
    expect(plan.tasks.some((t) => t.assigneeName === 'Đỗ Văn Thắng')).toBe(true);
    // The home page's late tasks: just that one, for the leader.
    expect((await app.call('plan.mine', {}, token)).overdue.map((t) => t.year)).toEqual([year - 1]);
  });

  it('this year’s criterion shows last year’s council result, and last year’s shows the year before', async () => {
    const prev = await app.call('appraisal.previous', { assessmentId: await idOf(year), criterionCode: '1.8' }, token);
    expect(prev).toMatchObject({ year: year - 1, max: 1, self: 1, appraised: 0.5, reason: expect.stringMatching(/quá hạn/) });
    const older = await app.call('appraisal.previous', { assessmentId: await idOf(year - 1), criterionCode: '1.8' }, token);
    expect(older).toMatchObject({ year: year - 2, taskStatus: 'done' });
    expect(checkDatabase(app.dir).ok).toBe(true);
  });

  it('last year’s plan PDF has the year-over-year chart, its figures in words too', async () => {
    const last = await app.call('appraisal.get', { assessmentId: await idOf(year - 1) }, token);
    const [older] = last.comparison!.history;
    const ref = await app.call('plan.export', { assessmentId: await idOf(year - 1), format: 'pdf' }, token);
    const pdf = app.s.files.get(ref.fileId)!.path;
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
    expect(text).toContain(`Điểm thẩm định qua các năm: năm ${year - 2} đạt ${formatPoints(older!.appraised)}/98 điểm; năm ${year - 1} đạt 72,75/98 điểm.`);
    // The chart is the screen's recharts chart: its legend, as on the screen.
    expect(text).toContain(chartLegend.total);
    expect(text).toContain('Lĩnh vực 8');
  });
});

// The plan PDF's charts are the screen's recharts charts (issue 10: "the same chart"): the words
// recharts writes on the screen — legend and axis ticks, from the catalogue — read back from the
// PDF with pdftotext, and the bars and lines are there in the screen's colours (pdftoppm's pixels).
/** Pixels of a page rendered by pdftoppm (PPM: a short header, then RGB bytes). */
function pagePixels(pdf: string, page: number): Buffer {
  const ppm = execFileSync('pdftoppm', ['-r', '60', '-f', String(page), '-l', String(page), pdf]);
  let at = 0;
  for (let fields = 0; fields < 4;) {
    while (/\s/.test(String.fromCharCode(ppm[at]!))) at++;
    while (!/\s/.test(String.fromCharCode(ppm[at]!))) at++;
    fields++;
  }
  return ppm.subarray(at + 1);
}
const countColour = (px: Buffer, hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i + 2 < px.length; i += 3) if (Math.abs(px[i]! - r!) + Math.abs(px[i + 1]! - g!) + Math.abs(px[i + 2]! - b!) < 24) n++;
  return n;
};

describe('the plan PDF carries the screen’s charts', () => {
  it('legend and axis labels as on the screen, bars in the screen’s colours, the years along the bottom', async () => {
    const id = (await app.call('assessment.list', {}, token)).find((a) => a.year === year - 1)!.id;
    const ref = await app.call('plan.export', { assessmentId: id, format: 'pdf' }, token);
    const pdf = app.s.files.get(ref.fileId)!.path;
    // The chart was drawn in a borrowed browser document; the process is left without one.
    expect(['window', 'document'].filter((k) => k in globalThis)).toEqual([]);
    const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '2', pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
    // The bar chart: its legend, each area's tick; the line chart: the total's legend, each year's tick.
    for (const word of [...chartLegend.areas, chartLegend.total, ...['1', '2', '3', '4', '5', '6', '7', '8'].map(chartLegend.area)])
      expect(page1).toContain(word);
    for (const y of [year - 2, year - 1]) expect(page1).toMatch(new RegExp(`^${y}$`, 'm'));
    const px = pagePixels(pdf, 1);
    for (const colour of Object.values(CHART_COLOURS)) expect(countColour(px, colour)).toBeGreaterThan(50);
  });
});
