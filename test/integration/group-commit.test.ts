// Group commit (main/db/durability.ts): the database runs with synchronous=NORMAL, and a call that
// wrote is answered only once the -wal file has been flushed past its commit — by one fdatasync
// shared with whatever else committed meanwhile. Here the flush is held by the test (a sync
// function passed at boot, as only tests can), against a real data folder served over real HTTP.
// Also the other per-save cost on that path: announcing the save to every screen's event stream.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, fstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bootServices } from '../../main/services/bootstrap';
import { createApi } from '../../main/api';
import { startHost, type Host } from '../../main/host/server';
import { DB_FILE } from '../../main/db/connection';
import { DurabilityBarrier } from '../../main/db/durability';
import { ANCHOR_FILE } from '../../main/services/audit-anchor';
import type { Services } from '../../main/services/context';
import { cleanup, LEADER, ManualClock, OFFICE, tempDir } from '../helpers/services';
import { importSmallSet, OPENS, CLOSES } from '../helpers/assessment';

/** A flush the test can hold: every call is recorded; while holding, each waits until released. */
function heldSync() {
  const calls: { fd: number; release: () => void }[] = [];
  let holding = false;
  let onCall: (() => void) | null = null;
  let count = 0;
  let failing = false;
  return {
    calls,
    /** From now on every flush fails as a dying disk's would (EIO), until told otherwise. */
    fail: (on: boolean) => void (failing = on),
    /** Flushes started so far. */
    count: () => count,
    hold: () => void (holding = true),
    /** Resolves at the next flush that starts (or at once if one is already held). */
    started: () => new Promise<void>((resolve) => (calls.some((c) => c.release !== noop) ? resolve() : (onCall = resolve))),
    releaseAll: () => {
      holding = false;
      for (const c of calls.splice(0)) c.release();
    },
    sync: (fd: number) =>
      new Promise<void>((resolve, reject) => {
        if (failing) return reject(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
        const call = { fd, release: noop };
        calls.push(call);
        count++;
        if (holding) call.release = resolve;
        else resolve();
        onCall?.();
        onCall = null;
      }),
  };
}
const noop = (): void => undefined;
/** Lets the event loop turn (I/O included) a few times: enough for any answer already sent to arrive. */
const turns = async (n = 20) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

let dir: string | undefined;
let host: Host | undefined;
let s: Services | undefined;
afterEach(async () => {
  await host?.close();
  s?.db.close();
  cleanup(dir);
  host = s = dir = undefined;
});

async function serve() {
  dir = tempDir('kc-group-commit-');
  const renderer = path.join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(path.join(renderer, 'index.html'), '<html><head><meta name="kiemchung-token" content="" /></head></html>');
  const flush = heldSync();
  s = bootServices({ dataDir: path.join(dir, 'data'), clock: new ManualClock(Date.UTC(2023, 8, 20, 2)), testHooks: false, syncWal: flush.sync });
  const router = createApi(s);
  host = await startHost({ services: s, router, rendererDir: renderer });
  const h = host;
  const call = async (method: string, input: unknown, session?: string) => {
    const res = await fetch(`${h.url}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kiemchung-token': h.token, ...(session && { 'x-kiemchung-session': session }) },
      body: JSON.stringify(input),
    });
    return (await res.json()) as { ok: boolean; value?: any; error?: { code: string; message: string } };
  };
  await call('office.setup', { office: OFFICE, leader: LEADER });
  const leader = (await call('auth.login', { username: LEADER.username, password: LEADER.password })).value.token as string;
  // importSmallSet's needs: the data folder, the services (its upload) and calls (here over HTTP).
  const app = { dir: path.join(dir, 'data'), s, call: async (m: string, i: unknown, t?: string) => (await call(m, i, t)).value };
  const setId = await importSmallSet(app as unknown as Parameters<typeof importSmallSet>[0], leader);
  const a = (await call('assessment.create', { year: 2023, setId, opensAt: OPENS, closesAt: CLOSES }, leader)).value as { id: number };
  const items = (await call('assessment.get', { assessmentId: a.id }, leader)).value.items as { id: number; criterionCode: string }[];
  const itemId = items.find((i) => i.criterionCode === '2.2.2')!.id;
  const svc = s;
  const version = () => svc.db.first(svc.db.q.selectFrom('assessment_item').select('version').where('id', '=', itemId))!.version;
  const lastSeq = () => svc.db.first(svc.db.q.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1))!.seq;
  const anchored = () =>
    readFileSync(path.join(svc.dataDir, ANCHOR_FILE), 'utf8')
      .trim()
      .split('\n')
      .map((l) => Number(l.split(' ')[0]));
  /** Follows the event stream of a session as a screen does; `ended` once the server closes it. */
  const listen = async (session: string) => {
    const ticket = (await call('events.ticket', {}, session)).value.ticket as string;
    const res = await fetch(`${h.url}api/events?token=${encodeURIComponent(h.token)}&ticket=${encodeURIComponent(ticket)}`);
    const st = { events: [] as { type: string; itemId?: number }[], ended: false, stop: () => void reader.cancel() };
    const reader = res.body!.getReader();
    await new Promise<void>((opened) => {
      void (async () => {
        let buf = '';
        for (let r = await reader.read(); !r.done; r = await reader.read()) {
          buf += Buffer.from(r.value).toString();
          const chunks = buf.split('\n\n');
          buf = chunks.pop()!;
          for (const c of chunks) {
            if (c.startsWith(': ok')) opened();
            if (c.startsWith('data: ')) st.events.push(JSON.parse(c.slice('data: '.length)));
          }
        }
        st.ended = true;
      })().catch(() => (st.ended = true));
    });
    return st;
  };
  return { flush, call, listen, leader, assessmentId: a.id, itemId, version, lastSeq, anchored, wal: path.join(svc.dataDir, `${DB_FILE}-wal`) };
}

describe('group commit', () => {
  it('a save is answered only after the flush covering its commit; a read meanwhile answers at once', async () => {
    const t = await serve();
    expect(s!.db.sqlite.pragma('synchronous', { simple: true })).toBe(1); // NORMAL: COMMIT itself does not wait for the disk
    const v0 = t.version();
    t.flush.hold();
    let answered = false;
    const save = t.call('item.update', { itemId: t.itemId, points: 2.5, baseVersion: v0 }, t.leader).then((r) => ((answered = true), r));
    await t.flush.started();
    // Committed (another reader of the database sees it), but not yet said to be saved.
    expect(t.version()).toBe(v0 + 1);
    const seq = t.lastSeq();
    // Not even the audit anchor is written before the flush: it must never be ahead of the database.
    expect(t.anchored()).not.toContain(seq);
    // A read, over the same server, is answered while the flush is still held…
    const read = await t.call('assessment.get', { assessmentId: t.assessmentId }, t.leader);
    expect(read.ok).toBe(true);
    expect(read.value.items.find((i: { id: number }) => i.id === t.itemId).points).toBe(2.5);
    await turns();
    expect(answered).toBe(false);
    // …the save only once the flush of the WAL (this very file) is through.
    const held = t.flush.calls.at(-1)!;
    expect(fstatSync(held.fd).ino).toBe(statSync(t.wal).ino);
    t.flush.releaseAll();
    const r = await save;
    expect(r.ok).toBe(true);
    expect(r.value.item.version).toBe(v0 + 1);
    expect(t.anchored()).toContain(seq);
  });

  it('twenty saves arriving together share one or two flushes', async () => {
    const t = await serve();
    const v0 = t.version();
    const before = t.flush.count();
    t.flush.hold();
    let answered = 0;
    const saves = Array.from({ length: 20 }, (_, k) =>
      t.call('item.update', { itemId: t.itemId, points: (k % 4) * 0.5 }, t.leader).then((r) => (answered++, r)),
    );
    // Wait until all twenty have committed; none is answered while the flush is held.
    while (t.version() < v0 + 20) await new Promise((r) => setTimeout(r, 5));
    await turns();
    expect(answered).toBe(0);
    // The flush in flight covers the commits made before it started; the next one, all the rest.
    t.flush.releaseAll();
    const results = await Promise.all(saves);
    expect(results.every((r) => r.ok)).toBe(true);
    const flushes = t.flush.count() - before;
    expect(flushes).toBeGreaterThanOrEqual(1);
    expect(flushes).toBeLessThanOrEqual(2);
  });
});

describe('when the disk fails', () => {
  it('a save whose flush failed is not reported as saved; the next one, once the disk answers, is', async () => {
    const t = await serve();
    t.flush.fail(true);
    const r = await t.call('item.update', { itemId: t.itemId, points: 1 }, t.leader);
    expect(r.ok).toBe(false);
    expect(r.error!.code).toBe('INTERNAL');
    // A read is not held up by the broken flush.
    expect((await t.call('assessment.get', { assessmentId: t.assessmentId }, t.leader)).ok).toBe(true);
    t.flush.fail(false);
    const again = await t.call('item.update', { itemId: t.itemId, points: 1.5 }, t.leader);
    expect(again.ok).toBe(true);
  });
});

describe('live events to many screens', () => {
  it('every open stream hears each save; a logged-out session’s stream ends at the next one', async () => {
    const t = await serve();
    const officer = { fullName: 'Lê Thị Hương', position: 'Văn phòng - Thống kê', username: 'huong', password: 'huong-mat-khau', roles: ['officer'] };
    expect((await t.call('users.create', officer, t.leader)).ok).toBe(true);
    const huong = (await t.call('auth.login', { username: 'huong', password: officer.password })).value.token as string;
    const screens = [await t.listen(t.leader), await t.listen(t.leader), await t.listen(huong)];
    expect((await t.call('item.update', { itemId: t.itemId, points: 1 }, t.leader)).ok).toBe(true);
    for (const sc of screens) await expect.poll(() => sc.events.filter((e) => e.type === 'item' && e.itemId === t.itemId).length).toBe(1);
    // Hương logs out: her screen's stream ends at the next save, the leader's two go on.
    expect((await t.call('auth.logout', {}, huong)).ok).toBe(true);
    expect((await t.call('item.update', { itemId: t.itemId, points: 1.5 }, t.leader)).ok).toBe(true);
    await expect.poll(() => screens[2]!.ended).toBe(true);
    for (const sc of screens.slice(0, 2)) await expect.poll(() => sc.events.filter((e) => e.type === 'item').length).toBe(2);
    expect(screens[2]!.events.filter((e) => e.type === 'item')).toHaveLength(1);
    for (const sc of screens) sc.stop();
  });
});

describe('durability barrier', () => {
  it('opens the WAL again when the file was replaced, and flushes what is left on close', async () => {
    dir = tempDir('kc-barrier-');
    const wal = path.join(dir, 'x.sqlite-wal');
    writeFileSync(wal, 'a');
    const seen: number[] = [];
    const b = new DurabilityBarrier(wal, { sync: async (fd) => void seen.push(fstatSync(fd).ino) });
    b.noteCommit();
    await b.flush();
    unlinkSync(wal);
    writeFileSync(wal, 'b');
    const ino = statSync(wal).ino;
    b.noteCommit();
    await b.flush();
    expect(seen.at(-1)).toBe(ino);
    // A commit nobody waited for yet: close flushes it on the spot and runs what waited for it.
    let anchored = false;
    b.noteCommit();
    b.afterDurable(() => (anchored = true));
    b.close();
    expect(anchored).toBe(true);
    // The descriptor is let go (on Windows an open one would keep the WAL from being deleted).
    if (existsSync('/proc/self/fd')) {
      const open = readdirSync('/proc/self/fd').map((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`);
        } catch {
          return '';
        }
      });
      expect(open.some((p) => p.startsWith(wal))).toBe(false);
    }
  });
});
