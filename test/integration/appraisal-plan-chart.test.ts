// The plan PDF's charts are the screen's recharts charts (issue 10: "the same chart"): the words
// recharts writes on the screen — legend and axis ticks, from the catalogue — read back from the
// PDF with pdftotext, and the bars and lines are there in the screen's colours (pdftoppm's pixels).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { openTestApp, cleanup, type TestApp } from '../helpers/services';
import { createDemo, DEMO_PASSWORD } from '../../main/services/demo';
import { CHART_COLOURS, chartLegend } from '../../shared/charts/appraisal-charts';

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
