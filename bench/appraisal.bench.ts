// bench/appraisal: the comparison view's data (self vs council per criterion and area, and the
// year-over-year history) for a 200-criterion set over 5 appraised years — goal ≤ 16 ms. Beside
// it, in the same run, the bare totals arithmetic it builds on (computeTotals of self and council
// for each year) as the baseline, and the whole read through SQLite (appraisalView). Prints
// figures; asserts nothing. Run: node --import tsx bench/appraisal.bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareAppraisal, type CompareNode, type YearInput, type AppraisedEntry } from '../main/domain/appraisal-compare';
import { computeTotals, type LeafScore } from '../main/domain/scoring';
import { seededRandom } from '../main/domain/seeded-random';

const rand = seededRandom(10);
// 8 areas × 5 criteria × 4 sub-criteria = 208 nodes, 160 scored leaves.
const nodes: CompareNode[] = [];
let order = 0;
for (let a = 1; a <= 8; a++) {
  nodes.push({ code: `${a}`, parentCode: null, maxPoints: 10, order: order++, title: `Lĩnh vực ${a}`, level: 1 });
  for (let c = 1; c <= 5; c++) {
    nodes.push({ code: `${a}.${c}`, parentCode: `${a}`, maxPoints: 2, order: order++, title: `Tiêu chí ${a}.${c}`, level: 2 });
    for (let t = 1; t <= 4; t++)
      nodes.push({ code: `${a}.${c}.${t}`, parentCode: `${a}.${c}`, maxPoints: 0.5, order: order++, title: `Tiêu chí thành phần ${a}.${c}.${t}`, level: 3 });
  }
}
const leaves = nodes.filter((n) => n.level === 3);
const quarter = () => Math.floor(rand() * 3) * 0.25; // 0, 0.25 or 0.5
const years: YearInput[] = [2021, 2022, 2023, 2024, 2025].map((year) => {
  const self = new Map<string, LeafScore>(leaves.map((l) => [l.code, { points: quarter(), notApplicable: false }]));
  const appraised = new Map<string, AppraisedEntry>(
    leaves.map((l) => {
      const s = self.get(l.code)!.points ?? 0;
      const lost = rand() < 0.3 ? 0.25 : 0;
      return [l.code, { points: Math.max(0, s - lost), notScored: rand() < 0.02, reason: lost ? 'Tài liệu kiểm chứng chưa ký số.' : null }];
    }),
  );
  return { year, nodes, self, appraised };
});

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.floor(s.length * 0.95)]! };
};
const time = (f: () => void, n: number) => {
  for (let i = 0; i < 20; i++) f(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f();
    out.push(performance.now() - t0);
  }
  return stats(out);
};

const compare = time(() => compareAppraisal(years, 2025), 300);
const baseline = time(() => {
  for (const y of years) {
    computeTotals(y.nodes, y.self);
    computeTotals(y.nodes, new Map([...y.appraised].map(([c, a]) => [c, { points: a.notScored ? 0 : a.points, notApplicable: false }])));
  }
}, 300);
const rows = compareAppraisal(years, 2025).rows.length;
console.log(`so sánh ${rows} tiêu chí × ${years.length} năm: trung vị ${compare.median.toFixed(2)} ms, p95 ${compare.p95.toFixed(2)} ms (mục tiêu ≤ 16 ms)`);
console.log(`chỉ phép cộng điểm (computeTotals tự chấm + thẩm định, 5 năm): trung vị ${baseline.median.toFixed(2)} ms`);
console.log(`tỷ lệ so sánh / phép cộng: ${(compare.median / baseline.median).toFixed(2)}×`);

// The same through SQLite, as the screen asks for it (appraisal.get).
const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-bench-ap-'));
try {
  const { bootServices } = await import('../main/services/bootstrap');
  const { appraisalView } = await import('../main/services/appraisal/results');
  const { storeAppraisal } = await import('../main/services/appraisal/results');
  const { SYSTEM_ACTOR } = await import('../main/services/context');
  const s = bootServices({ dataDir: dir, testHooks: false });
  s.db.tx(() => {
    s.db.run(
      s.db.q.insertInto('office').values({ id: 1, province: 'Huế', district: 'Phú Vang', commune: 'Phú Thượng', kind: 'xa', created_at: 1, updated_at: 1 }),
    );
    const setId = Number(
      s.db.run(s.db.q.insertInto('criteria_set').values({ name: 'Bộ 200', warnings_json: '[]', total_max: 80, created_at: 1 })).lastInsertRowid,
    );
    for (const n of nodes)
      s.db.run(
        s.db.q
          .insertInto('criterion')
          .values({ set_id: setId, code: n.code, parent_code: n.parentCode, level: n.level, title: n.title, max_points: n.maxPoints, ord: n.order }),
      );
    for (const y of years) {
      const id = Number(
        s.db.run(s.db.q.insertInto('assessment').values({ year: y.year, set_id: setId, opens_at: 1, closes_at: 2, created_at: 1, updated_at: 1 }))
          .lastInsertRowid,
      );
      for (const l of leaves)
        s.db.run(s.db.q.insertInto('assessment_item').values({ assessment_id: id, criterion_code: l.code, points: y.self.get(l.code)!.points, updated_at: 1 }));
      const results = [...y.appraised].map(([code, a], i) => ({
        code,
        points: a.notScored ? null : a.points,
        notScored: a.notScored,
        reason: a.reason,
        row: i + 8,
      }));
      storeAppraisal(s, SYSTEM_ACTOR, s.db.first(s.db.q.selectFrom('assessment').selectAll().where('id', '=', id))!, results, {
        kind: 'file',
        name: 'kq.xlsx',
      });
    }
  });
  const last = s.db.first(s.db.q.selectFrom('assessment').select('id').where('year', '=', 2025))!.id;
  const view = time(() => appraisalView(s, last), 100);
  console.log(`appraisal.get qua SQLite (5 năm): trung vị ${view.median.toFixed(2)} ms, p95 ${view.p95.toFixed(2)} ms`);
  s.db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
