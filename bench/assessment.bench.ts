// bench/assessment: a 200-criterion set — time to recompute totals after one score edit
// (goal ≤ 16 ms) and the p95 of a score save through the router (goal ≤ 5 ms), against a real
// SQLite file (WAL, synchronous=FULL). Prints figures; asserts nothing.
// Run: node --import tsx bench/assessment.bench.ts
import { Readable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootServices } from '../main/services/bootstrap';
import { createApi } from '../main/api';
import { totalsFor } from '../main/services/assessment/views';
import { requireAssessment } from '../main/services/assessment/common';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-bench-a-'));
const s = bootServices({ dataDir: dir, testHooks: false });
const api = createApi(s);
const call = async (m: string, input: unknown, token?: string) => {
  const r = await api.dispatch(m, input, { token });
  if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
  return r.value as any;
};

// 8 areas × 5 criteria × 4 sub-criteria = 208 nodes, 160 leaves, each leaf 0.5 → 80 + rounding
const criteria: { code: string; title: string; maxPoints: number }[] = [];
for (let a = 1; a <= 8; a++) {
  criteria.push({ code: `${a}`, title: `Lĩnh vực ${a}`, maxPoints: 10 });
  for (let c = 1; c <= 5; c++) {
    criteria.push({ code: `${a}.${c}`, title: `Tiêu chí ${a}.${c}`, maxPoints: 2 });
    for (let t = 1; t <= 4; t++) criteria.push({ code: `${a}.${c}.${t}`, title: `Tiêu chí thành phần ${a}.${c}.${t}`, maxPoints: 0.5 });
  }
}
const setJson = JSON.stringify({ format: 'kiemchung-criteria', version: 1, name: 'Bộ 200 tiêu chí', decision: null, province: null, year: 2026, criteria });

await call('office.setup', {
  office: { province: 'Huế', district: 'Phú Vang', commune: 'Phú Thượng', kind: 'xa' },
  leader: { fullName: 'Trần Văn An', position: 'Chủ tịch', username: 'chutich', password: 'mat-khau-123' },
});
const { token } = await call('auth.login', { username: 'chutich', password: 'mat-khau-123' });
const up = await s.uploads.receive(Readable.from([Buffer.from(setJson)]), 'set.json', 1);
const set = await call('criteria.import', { uploadId: up.id }, token);
const now = Date.now();
const a = await call('assessment.create', { year: 2026, setId: set.id, opensAt: now - 86_400_000, closesAt: now + 86_400_000 }, token);
const detail = await call('assessment.get', { assessmentId: a.id }, token);
const items: { id: number }[] = detail.items;
console.log(`bộ tiêu chí: ${set.nodeCount} tiêu chí, ${items.length} tiêu chí chấm điểm`);

const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

// Recompute totals (load leaves from SQLite + compute the tree) after an edit.
const row = requireAssessment(s, a.id);
const recompute: number[] = [];
for (let i = 0; i < 300; i++) {
  const t0 = performance.now();
  totalsFor(s, row);
  recompute.push(performance.now() - t0);
}
console.log(
  `tính lại tổng điểm (đọc SQLite + cây 200 tiêu chí): median ${pct(recompute, 50).toFixed(2)} ms, p95 ${pct(recompute, 95).toFixed(2)} ms (mục tiêu ≤ 16 ms)`,
);

// A score save: validation, authorization, deadline, write + audit row in one transaction,
// totals returned — the whole router path as the UI calls it.
const saves: number[] = [];
for (let i = 0; i < 600; i++) {
  const itemId = items[i % items.length]!.id;
  const t0 = performance.now();
  await call('item.update', { itemId, points: (i % 3) * 0.25 }, token);
  saves.push(performance.now() - t0);
}
const warm = saves.slice(100);
console.log(`lưu một điểm (router → SQLite, kèm tổng điểm): median ${pct(warm, 50).toFixed(2)} ms, p95 ${pct(warm, 95).toFixed(2)} ms (mục tiêu ≤ 5 ms)`);

s.db.close();
rmSync(dir, { recursive: true, force: true });
