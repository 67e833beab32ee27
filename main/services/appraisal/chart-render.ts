// Renders the screen's recharts charts (shared/charts) for the plan's PDF. recharts 3 draws
// nothing under react-dom/server (its parts register in effects, which server rendering never
// runs; recharts issue #5997), so the chart is rendered by react-dom/client into a happy-dom
// document, and the SVG it leaves there is handed to the PDF (svg-to-pdf.ts). The globals recharts
// and React look for (window, document) are set only for the render and until React's scheduler has
// run what the render queued (it reads window.event there), then put back; renders run one at a time.
import { createElement, type ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Global } from 'recharts';
import { Window } from 'happy-dom';
import { unstable_IdlePriority, unstable_scheduleCallback } from 'scheduler';
import { ApiError } from '../../../shared/errors';
import { viAppraisal } from '../../../shared/i18n/vi/appraisal';
import { AreaBarChart, YearsLineChart, type ChartAreas } from '../../../shared/charts/appraisal-charts';

const GLOBALS = ['window', 'document', 'HTMLElement', 'Element', 'Node', 'requestAnimationFrame', 'cancelAnimationFrame', 'getComputedStyle'] as const;

/** A rendered chart: the recharts wrapper element (its svg and its HTML legend), read before the window closes. */
export interface RenderedChart {
  width: number;
  height: number;
  root: Element;
}

let queue: Promise<unknown> = Promise.resolve();
/** Resolves once React's scheduler has run everything queued before it (idle work runs last). */
const drained = () => new Promise<void>((r) => unstable_scheduleCallback(unstable_IdlePriority, r));

function render(chart: ReactElement, width: number, height: number): Promise<RenderedChart> {
  const next = queue.then(() => renderNow(chart, width, height));
  queue = next.catch(() => undefined);
  return next;
}

async function renderNow(chart: ReactElement, width: number, height: number): Promise<RenderedChart> {
  const win = new Window({ width: 1024, height: 768 });
  // An element with a fixed pixel height reports it (the legend: recharts reserves that much room).
  Object.defineProperty(win.HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: { style: { height: string } }) {
      return parseFloat(this.style.height) || 0;
    },
  });
  const g = globalThis as Record<string, unknown>;
  const saved = GLOBALS.map((k) => [k, Object.getOwnPropertyDescriptor(g, k)] as const);
  const wasSsr = Global.isSsr;
  Object.assign(g, {
    window: win,
    document: win.document,
    HTMLElement: win.HTMLElement,
    Element: win.Element,
    Node: win.Node,
    requestAnimationFrame: (cb: (t: number) => void) => win.setTimeout(() => cb(0), 0),
    cancelAnimationFrame: (id: Parameters<typeof win.clearTimeout>[0]) => win.clearTimeout(id),
    getComputedStyle: win.getComputedStyle.bind(win),
  });
  Global.isSsr = false;
  try {
    const host = win.document.createElement('div');
    win.document.body.appendChild(host);
    const root = createRoot(host as unknown as globalThis.Element);
    // flushSync runs the render and its effects (where recharts' parts register) before returning.
    flushSync(() => root.render(chart));
    const wrapper = host.firstElementChild?.cloneNode(true) as unknown as Element | null;
    root.unmount();
    await drained();
    if (!wrapper?.querySelector('svg.recharts-surface')) throw new ApiError('INTERNAL', viAppraisal.docs.chartFailed);
    return { width, height, root: wrapper };
  } finally {
    Global.isSsr = wasSsr;
    for (const [k, d] of saved) {
      if (d) Object.defineProperty(g, k, d);
      else delete g[k];
    }
    await win.happyDOM.abort();
  }
}

/** `legendHeight` in CSS pixels: happy-dom does no layout, so the chart is told how much room its legend takes. */
export const renderAreaChart = (c: ChartAreas, width: number, height: number, legendHeight: number) =>
  render(createElement(AreaBarChart, { c, width, height, print: { legendHeight } }), width, height);
export const renderYearsChart = (c: ChartAreas, width: number, height: number, legendHeight: number) =>
  render(createElement(YearsLineChart, { c, width, height, print: { legendHeight } }), width, height);
