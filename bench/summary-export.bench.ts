// bench/summary-export: time to write the 150-row summary table as PDF and as XLSX — one cold
// run (the PDF's includes reading the fonts), then the median of 10 warm runs. Goal ≤ 300 ms
// warm for each, so the "Xuất" buttons answer at once. Prints figures; asserts nothing.
// Run: node --import tsx bench/summary-export.bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeSummaryPdf, writeSummaryXlsx, type SummaryModel, type SummaryRow } from '../main/services/summary';

const GOAL_MS = 300;
const WARM_RUNS = 10;

/** 10 areas × 2 criteria × 6 sub-criteria = 150 rows with realistic, wrapping titles. */
function model150(): SummaryModel {
  const rows: SummaryRow[] = [];
  const node = (code: string, title: string, maxPoints: number, selfPoints: number, isLeaf: boolean, i = 0): SummaryRow => ({
    code,
    level: code.split('.').length,
    title,
    maxPoints,
    selfPoints,
    isLeaf,
    notApplicable: isLeaf && i % 17 === 0,
    evidenceCount: isLeaf ? i % 5 : 0,
  });
  let i = 0;
  for (let a = 1; a <= 10; a++) {
    rows.push(node(`${a}`, `Lĩnh vực ${a}: Công tác chỉ đạo, điều hành cải cách hành chính`, 10, 7.25, false));
    for (let c = 1; c <= 2; c++) {
      rows.push(node(`${a}.${c}`, `Thực hiện cơ chế một cửa, một cửa liên thông tại Ủy ban nhân dân (${a}.${c})`, 5, 3.5, false));
      for (let t = 1; t <= 6; t++) {
        rows.push(
          node(
            `${a}.${c}.${t}`,
            `Hộ tịch, Địa chính - Xây dựng - Đô thị và Môi trường: công khai, giải quyết đúng hạn hồ sơ ${a}.${c}.${t}`,
            0.75,
            0.5,
            true,
            ++i,
          ),
        );
      }
    }
  }
  return {
    office: { province: 'Thừa Thiên Huế', district: 'Phú Vang', commune: 'Phú Thượng', kind: 'xa' },
    year: 2026,
    criteriaSet: { name: 'Bộ tiêu chí đánh giá, xếp loại công tác CCHC cấp xã', decision: 'Quyết định số 1234/QĐ-UBND' },
    generatedAt: Date.UTC(2026, 2, 5, 3, 0),
    rows,
    totals: { points: 73.25, applicableMax: 100, percent: 73.25, band: 'Khá' },
    signer: { fullName: 'Trần Văn An', position: 'Chủ tịch' },
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function time(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-bench-summary-'));
try {
  const model = model150();
  for (const [label, write, ext] of [
    ['PDF', writeSummaryPdf, 'pdf'],
    ['XLSX', writeSummaryXlsx, 'xlsx'],
  ] as const) {
    const out = path.join(dir, `summary.${ext}`);
    const cold = await time(() => write(model, out));
    const warm: number[] = [];
    for (let k = 0; k < WARM_RUNS; k++) warm.push(await time(() => write(model, out)));
    console.log(`summary ${label} ${model.rows.length} dòng: cold ${Math.round(cold)} ms, median ${Math.round(median(warm))} ms (mục tiêu ≤ ${GOAL_MS} ms)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
