// Draws a recharts chart (chart-render.ts) on a pdf-lib page: the svg's elements as recharts emits
// them (g translate, line, rect, path, polyline, circle, text/tspan with text-anchor; fill, stroke,
// dash, opacity) and its HTML legend (icon + coloured word per item, centred, as the browser lays it
// out). Text is drawn in the document's embedded font, so the Vietnamese reads back with pdftotext.
import { rgb, type PDFPage, type RGB } from 'pdf-lib';
import { textWidth, type Face } from '../documents/pdf-layout';
import type { RenderedChart } from './chart-render';

interface Box {
  page: PDFPage;
  face: Face;
  /** PDF points per CSS pixel, and the chart's top-left corner on the page. */
  s: number;
  left: number;
  top: number;
}
const NAMED: Record<string, string> = { black: '#000000', white: '#ffffff', gray: '#808080', grey: '#808080' };
const DEFAULT_FONT = 12;

function colour(v: string | null | undefined): RGB | undefined {
  if (!v || v === 'none' || v === 'transparent') return undefined;
  let h = (NAMED[v.trim().toLowerCase()] ?? v.trim()).replace('#', '');
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  if (!/^[0-9a-f]{6}$/i.test(h)) return undefined;
  const n = parseInt(h, 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

/** An attribute, or the same property in the inline style (recharts writes `style="fill: #666"` on tick text). */
function prop(el: Element, name: string): string | null {
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`).exec(el.getAttribute('style') ?? '');
  return m?.[1]?.trim() ?? el.getAttribute(name);
}
const num = (v: string | null, d = 0) => (v === null || v === '' || Number.isNaN(parseFloat(v)) ? d : parseFloat(v));

function paint(el: Element, s: number, defaultFill: string | null) {
  const fill = colour(prop(el, 'fill') ?? defaultFill);
  const stroke = colour(prop(el, 'stroke'));
  const dash = prop(el, 'stroke-dasharray');
  const opacity = num(prop(el, 'opacity'), 1);
  return {
    fill,
    stroke,
    width: stroke ? num(prop(el, 'stroke-width'), 1) * s : 0,
    dash: dash && dash !== 'none' ? dash.split(/[\s,]+/).map((d) => num(d) * s) : undefined,
    fillOpacity: opacity * num(prop(el, 'fill-opacity'), 1),
    strokeOpacity: opacity * num(prop(el, 'stroke-opacity'), 1),
  };
}

/** Walks svg content; (tx, ty) is the accumulated translate in CSS pixels, k an extra scale (legend icons). */
function walk(b: Box, el: Element, tx: number, ty: number, k: number): void {
  const s = b.s * k;
  const X = (x: number) => b.left + (tx + x * k) * b.s;
  const Y = (y: number) => b.top - (ty + y * k) * b.s;
  const a = (n: string) => num(el.getAttribute(n));
  switch (el.localName) {
    case 'title':
    case 'desc':
    case 'defs':
    case 'clipPath':
      return;
    case 'line': {
      const p = paint(el, s, null);
      if (p.stroke) {
        b.page.drawLine({
          start: { x: X(a('x1')), y: Y(a('y1')) },
          end: { x: X(a('x2')), y: Y(a('y2')) },
          thickness: p.width,
          color: p.stroke,
          dashArray: p.dash,
          opacity: p.strokeOpacity,
        });
      }
      return;
    }
    case 'rect': {
      const p = paint(el, s, '#000');
      const w = a('width') * s;
      const h = a('height') * s;
      if (w > 0 && h > 0 && (p.fill || p.stroke)) {
        b.page.drawRectangle({
          x: X(a('x')),
          y: Y(a('y')) - h,
          width: w,
          height: h,
          color: p.fill,
          opacity: p.fillOpacity,
          borderColor: p.stroke,
          borderWidth: p.width,
          borderDashArray: p.dash,
        });
      }
      return;
    }
    case 'circle': {
      const p = paint(el, s, '#000');
      b.page.drawCircle({ x: X(a('cx')), y: Y(a('cy')), size: a('r') * s, color: p.fill, opacity: p.fillOpacity, borderColor: p.stroke, borderWidth: p.width });
      return;
    }
    case 'path':
    case 'polyline':
    case 'polygon': {
      const pts = el.getAttribute('points');
      const d = el.localName === 'path' ? el.getAttribute('d') : pts ? `M${pts.trim()}${el.localName === 'polygon' ? 'Z' : ''}` : null;
      if (!d) return;
      const p = paint(el, s, el.localName === 'polyline' ? 'none' : '#000');
      if (!p.fill && !p.stroke) return;
      b.page.drawSvgPath(d, {
        x: X(0),
        y: Y(0),
        scale: s,
        color: p.fill,
        opacity: p.fillOpacity,
        borderColor: p.stroke,
        borderWidth: p.width,
        borderDashArray: p.dash,
        borderOpacity: p.strokeOpacity,
      });
      return;
    }
    case 'text':
      drawSvgText(b, el, X, Y, s);
      return;
    default: {
      // g, svg and anything that only groups: follow its translate.
      const m = /translate\(\s*([-\d.e]+)[\s,]*([-\d.e]*)\s*\)/.exec(el.getAttribute('transform') ?? '');
      const dx = m ? num(m[1] ?? null) : 0;
      const dy = m ? num(m[2] ?? null) : 0;
      for (const child of Array.from(el.children)) walk(b, child, tx + dx * k, ty + dy * k, k);
    }
  }
}

function drawSvgText(b: Box, el: Element, X: (x: number) => number, Y: (y: number) => number, s: number): void {
  const size = num(prop(el, 'font-size'), DEFAULT_FONT);
  const anchor = prop(el, 'text-anchor') ?? 'start';
  const color = colour(prop(el, 'fill')) ?? rgb(0, 0, 0);
  const spans = el.querySelectorAll('tspan').length ? Array.from(el.querySelectorAll('tspan')) : [el];
  let x = num(el.getAttribute('x'));
  let y = num(el.getAttribute('y'));
  for (const span of spans) {
    x = span.hasAttribute('x') ? num(span.getAttribute('x')) : x;
    y = span.hasAttribute('y') ? num(span.getAttribute('y')) : y;
    const dy = span.getAttribute('dy') ?? '0';
    y += dy.endsWith('em') ? num(dy) * size : num(dy);
    const text = (span.textContent ?? '').normalize('NFC');
    if (!text.trim()) continue;
    const w = textWidth(b.face, text, size * s);
    const shift = anchor === 'middle' ? w / 2 : anchor === 'end' ? w : 0;
    b.page.drawText(text, { x: X(x) - shift, y: Y(y), font: b.face.font, size: size * s, color });
  }
}

const LEGEND_ROW = 18;
const itemWidth = (face: Face, text: string) => 14 + 4 + textWidth(face, text.normalize('NFC'), DEFAULT_FONT) + 10;

/** The legend's rows as the PDF lays them out (items kept whole, a new row when one is full). */
function rows<T extends { w: number }>(items: T[], width: number): T[][] {
  const out: T[][] = [];
  for (const it of items) {
    const row = out[out.length - 1];
    if (row && row.reduce((n, r) => n + r.w, 0) + it.w <= width) row.push(it);
    else out.push([it]);
  }
  return out;
}

/** The legend's height in CSS pixels for these words in a chart `width` pixels wide (recharts reserves it). */
export function legendHeight(face: Face, words: string[], width: number): number {
  return (
    rows(
      words.map((t) => ({ w: itemWidth(face, t) })),
      width,
    ).length *
      LEGEND_ROW +
    4
  );
}

/** The HTML legend: items in rows centred in the wrapper, each an icon (its own svg) and a coloured word. */
function drawLegend(b: Box, wrapper: HTMLElement, chartHeight: number): void {
  const size = DEFAULT_FONT;
  const style = wrapper.style;
  const left = num(style.left);
  const width = num(style.width);
  const top = chartHeight - num(style.bottom) - num(style.height);
  const items = Array.from(wrapper.querySelectorAll('li')).map((li) => {
    const span = li.querySelector('span');
    const text = (span?.textContent ?? '').normalize('NFC');
    return { li, span, text, w: itemWidth(b.face, text) };
  });
  rows(items, width).forEach((row, r) => {
    let x = left + (width - row.reduce((n, it) => n + it.w, 0)) / 2;
    const mid = top + 2 + LEGEND_ROW / 2 + r * LEGEND_ROW;
    for (const it of row) {
      const icon = it.li.querySelector('svg');
      if (icon) walk(b, icon, x, mid - 7, 14 / 32);
      const color = colour(it.span?.style.color) ?? rgb(0, 0, 0);
      b.page.drawText(it.text, { x: b.left + (x + 18) * b.s, y: b.top - (mid + size * 0.35) * b.s, font: b.face.font, size: size * b.s, color });
      x += it.w;
    }
  });
}

/** Draws the chart with its top-left corner at (left, top) on the page, `width` points wide; returns its height in points. */
export function drawChartSvg(page: PDFPage, chart: RenderedChart, face: Face, left: number, top: number, width: number): number {
  const b: Box = { page, face, s: width / chart.width, left, top };
  const svg = chart.root.querySelector(':scope > svg');
  if (svg) walk(b, svg, 0, 0, 1);
  const legend = chart.root.querySelector('.recharts-legend-wrapper');
  if (legend) drawLegend(b, legend as HTMLElement, chart.height);
  return chart.height * b.s;
}
