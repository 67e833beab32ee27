// bench/lan: office network mode under load — 20 officers on other PCs saving their scores at
// the same time over HTTPS (a real `kiemchung serve --lan` on 127.0.0.2, pinned clients with
// keep-alive, each save naming its base version as the editor does). Two loads:
//   - paced: every officer saves about once a second (autosave fires 700 ms after typing stops),
//     all 20 at once — what an office does; goal p95 ≤ 50 ms;
//   - burst: every officer saves back to back — the server's ceiling (each save is one SQLite
//     commit; concurrent commits share one fdatasync of the WAL, group commit, db/durability.ts).
// Every officer's screen also follows the live event stream (as the app does), so each save fans
// out to 21 streams. Each load is also run over the serving PC's own HTTP listener (127.0.0.1, no
// TLS) as the baseline, printed as a ratio; the server's CPU time per save; and its RSS.
// Needs the build (npm run build). Run: node --import tsx bench/lan.bench.ts
import { closeSync, fdatasyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cleanup, tempDir } from '../test/helpers/services';
import { localCall, startLanServe } from '../test/helpers/lan';
import { pinServer, RemoteClient } from '../main/host/remote-client';
import { DEMO_PASSWORD } from '../main/services/demo';

const OFFICERS = 20;
const SAVES_EACH = 25;
const PACED_ROUNDS = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PASSWORD = 'mat-khau-ban-thu';

const dir = tempDir('kc-bench-lan-');
/** What one flush of a small append costs on this disk: what each save paid on the main thread before group commit. */
const flushCost = () => {
  const fd = openSync(path.join(dir, 'flush-probe'), 'w');
  const xs: number[] = [];
  for (let i = 0; i < 50; i++) {
    writeSync(fd, Buffer.alloc(4096, i));
    const t = performance.now();
    fdatasyncSync(fd);
    xs.push(performance.now() - t);
  }
  closeSync(fd);
  return xs;
};
const srv = await startLanServe(dir, { demo: true });
const pid = srv.proc.pid!;
const rss = () => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { now: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024 };
};
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
/** The server's CPU time so far (user + system), in ms. */
const cpuMs = () => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // clock ticks (USER_HZ = 100 on Linux)
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

try {
  const leader = (await localCall(srv, 'auth.login', { username: 'chutich', password: DEMO_PASSWORD })).value.token as string;
  const [a] = (await localCall(srv, 'assessment.list', {}, leader)).value as { id: number }[];
  const detail = (await localCall(srv, 'assessment.get', { assessmentId: a!.id }, leader)).value as {
    items: { id: number; criterionCode: string; version: number; status: string }[];
    nodes: { code: string; maxPoints: number | null; isLeaf?: boolean }[];
  };
  // One untouched criterion (max ≥ 1) per officer, two for the baseline round.
  const max = new Map(detail.nodes.map((n) => [n.code, n.maxPoints ?? 0]));
  const free = detail.items.filter((i) => i.status === 'todo' && i.version === 0 && (max.get(i.criterionCode) ?? 0) >= 1).slice(0, OFFICERS * 2);
  if (free.length < OFFICERS * 2) throw new Error(`only ${free.length} free criteria`);
  const officers: { username: string; lanItem: (typeof free)[number]; localItem: (typeof free)[number] }[] = [];
  for (let k = 0; k < OFFICERS; k++) {
    const username = `canbo${k + 1}`;
    const u = await localCall(
      srv,
      'users.create',
      { fullName: `Cán bộ thử ${k + 1}`, position: 'Công chức khác', username, password: PASSWORD, roles: ['officer'] },
      leader,
    );
    if (!u.ok) throw new Error(u.error?.message);
    const lanItem = free[2 * k]!;
    const localItem = free[2 * k + 1]!;
    await localCall(srv, 'assessment.assign', { assessmentId: a!.id, codes: [lanItem.criterionCode, localItem.criterionCode], assigneeId: u.value.id }, leader);
    officers.push({ username, lanItem, localItem });
  }

  const rssBefore = rss();
  let rssPeakDuring = 0;
  const sampler = setInterval(() => (rssPeakDuring = Math.max(rssPeakDuring, rss().now)), 50);

  // Over the office network: pinned HTTPS, cookie session, one keep-alive connection per officer.
  const pin = await pinServer(srv.lanUrl, srv.shortCode);
  const clients = officers.map(() => new RemoteClient(pin));
  await Promise.all(officers.map((o, k) => clients[k]!.login(o.username, PASSWORD)));
  // Each officer's screen follows the live events over its own connection; the leader's too (127.0.0.1).
  let delivered = 0;
  const streams = await Promise.all(
    clients.map(async (c) => {
      const r = await c.invoke<{ ticket: string }>('events.ticket', {});
      if (!r.ok) throw new Error(r.error.message);
      const res = await c.openStream(`/api/events?ticket=${encodeURIComponent(r.value.ticket)}`);
      res.on('data', (d: Buffer) => (delivered += d.toString().split('data: ').length - 1));
      return res;
    }),
  );
  const leaderTicket = (await localCall(srv, 'events.ticket', {}, leader)).value.ticket as string;
  const leaderStream = await fetch(`${srv.localUrl}api/events?token=${encodeURIComponent(srv.token)}&ticket=${encodeURIComponent(leaderTicket)}`);
  const reader = leaderStream.body!.getReader();
  void (async () => {
    for (let r = await reader.read(); !r.done; r = await reader.read()) delivered += Buffer.from(r.value).toString().split('data: ').length - 1;
  })().catch(() => undefined);
  const sessions = await Promise.all(
    officers.map(async (o) => (await localCall(srv, 'auth.login', { username: o.username, password: PASSWORD })).value.token as string),
  );
  const versions = new Map<number, number>(officers.flatMap((o) => [[o.lanItem.id, 0] as [number, number], [o.localItem.id, 0] as [number, number]]));
  type Save = (k: number, itemId: number, points: number, baseVersion: number) => Promise<{ ok: boolean; version?: number; message?: string }>;
  const overLan: Save = async (k, itemId, points, baseVersion) => {
    const r = await clients[k]!.invoke<{ item: { version: number } }>('item.update', { itemId, points, baseVersion });
    return r.ok ? { ok: true, version: r.value.item.version } : { ok: false, message: r.error.message };
  };
  const overLocal: Save = async (k, itemId, points, baseVersion) => {
    const r = await localCall(srv, 'item.update', { itemId, points, baseVersion }, sessions[k]);
    return r.ok ? { ok: true, version: r.value.item.version as number } : { ok: false, message: r.error?.message };
  };
  /** Every officer saves `count` times, waiting `gapMs` (± 30 %) between saves; returns each save's latency. */
  const run = async (save: Save, which: 'lanItem' | 'localItem', count: number, gapMs: number) => {
    const times: number[] = [];
    const t0 = performance.now();
    const cpu0 = cpuMs();
    await Promise.all(
      officers.map(async (o, k) => {
        const id = o[which].id;
        if (gapMs) await sleep(Math.random() * gapMs);
        for (let n = 0; n < count; n++) {
          const s = performance.now();
          const r = await save(k, id, (n % 4) * 0.25, versions.get(id)!);
          times.push(performance.now() - s);
          if (!r.ok) throw new Error(r.message);
          versions.set(id, r.version!);
          if (gapMs) await sleep(gapMs * (0.7 + Math.random() * 0.6));
        }
      }),
    );
    return { times, wall: performance.now() - t0, cpu: cpuMs() - cpu0 };
  };
  const pacedLan = await run(overLan, 'lanItem', PACED_ROUNDS, 1000);
  const pacedLocal = await run(overLocal, 'localItem', PACED_ROUNDS, 1000);
  const burstLan = await run(overLan, 'lanItem', SAVES_EACH, 0);
  const burstLocal = await run(overLocal, 'localItem', SAVES_EACH, 0);
  clearInterval(sampler);
  for (const st of streams) st.destroy();
  for (const c of clients) c.close();

  const line = (label: string, { times: xs, wall, cpu }: { times: number[]; wall: number; cpu: number }) =>
    `${label}: ${xs.length} saves in ${wall.toFixed(0)} ms (${((xs.length / wall) * 1000).toFixed(0)}/s) — p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms; server CPU ${(cpu / xs.length).toFixed(2)} ms/save`;
  const ratio = (x: number[], y: number[]) => `p50 ×${(pct(x, 50) / pct(y, 50)).toFixed(2)}, p95 ×${(pct(x, 95) / pct(y, 95)).toFixed(2)}`;
  console.log(`paced: ${OFFICERS} officers each saving about once a second, ${PACED_ROUNDS} times`);
  console.log(line('  office network (HTTPS, 127.0.0.2)', pacedLan) + ' (goal p95 ≤ 50 ms)');
  console.log(line('  baseline (HTTP, 127.0.0.1)       ', pacedLocal));
  console.log(`  ratio HTTPS/HTTP: ${ratio(pacedLan.times, pacedLocal.times)}`);
  console.log(`burst: ${OFFICERS} officers each saving ${SAVES_EACH} times back to back (the server's ceiling)`);
  console.log(line('  office network (HTTPS, 127.0.0.2)', burstLan));
  console.log(line('  baseline (HTTP, 127.0.0.1)       ', burstLocal));
  console.log(`  ratio HTTPS/HTTP: ${ratio(burstLan.times, burstLocal.times)}`);
  const probe = flushCost();
  console.log(
    `one fdatasync of a 4 KiB append on this disk: p50 ${pct(probe, 50).toFixed(2)} ms, p95 ${pct(probe, 95).toFixed(2)} ms (an office PC's disk: often 2–20 ms; with group commit it runs off the main thread, shared by the saves that arrive meanwhile)`,
  );
  const saves = pacedLan.times.length + pacedLocal.times.length + burstLan.times.length + burstLocal.times.length;
  console.log(`live events delivered: ${delivered} to ${streams.length + 1} streams (${(delivered / saves).toFixed(1)} per save)`);
  const after = rss();
  console.log(
    `server RSS: ${mb(rssBefore.now)} before, ${mb(rssPeakDuring)} at most during the saves, ${mb(after.now)} after (process peak ${mb(after.peak)})`,
  );
} finally {
  await srv.stop();
  cleanup(dir);
}
