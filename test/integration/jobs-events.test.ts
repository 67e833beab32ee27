// Who may follow and cancel a long job, who may forget a kept package, and what the browser-mode
// event stream carries: through the real router, and over HTTP against a real `kiemchung serve`.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, cleanup, setUpOffice, tempDir, type TestApp } from '../helpers/services';
import { apiCall, startServe, type Served } from '../helpers/cli';
import { actorOf, resolveSession } from '../../main/services/auth';

const OFFICERS = ['lan', 'nam'].map((u) => ({
  fullName: `Cán bộ ${u}`,
  position: 'Văn phòng - Thống kê' as const,
  username: u,
  password: `${u}-mat-khau`,
  roles: ['officer' as const],
}));

describe('jobs and kept packages (router)', () => {
  let app: TestApp;
  afterEach(() => {
    app.close();
    cleanup(app.dir);
  });

  it('a job is its owner’s and the managers’ to see and cancel; another officer cannot even find it', async () => {
    app = openTestApp();
    const leader = await setUpOffice(app);
    for (const o of OFFICERS) await app.call('users.create', o, leader);
    const lan = (await app.call('auth.login', { username: 'lan', password: 'lan-mat-khau' })).token;
    const nam = (await app.call('auth.login', { username: 'nam', password: 'nam-mat-khau' })).token;

    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const lanActor = actorOf(resolveSession(app.s, lan, false)!.user);
    const job = app.s.jobs.run(
      'Nhập danh sách',
      async (h) => {
        await gate;
        h.checkCancelled();
        return 'xong';
      },
      lanActor,
    );
    job.catch(() => undefined);
    const jobId = (await app.call('jobs.list', {}, lan))[0]!.jobId;

    expect(await app.call('jobs.list', {}, nam)).toEqual([]);
    expect(await app.fail('jobs.cancel', { jobId }, nam)).toEqual({ code: 'NOT_FOUND', message: 'Không tìm thấy tác vụ.' });
    expect((await app.call('jobs.list', {}, leader)).map((j) => j.jobId)).toEqual([jobId]);
    await app.call('jobs.cancel', { jobId }, leader);
    release();
    await expect(job).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('the owner cancels their own job', async () => {
    app = openTestApp();
    const leader = await setUpOffice(app);
    await app.call('users.create', OFFICERS[0]!, leader);
    const lan = (await app.call('auth.login', { username: 'lan', password: 'lan-mat-khau' })).token;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const job = app.s.jobs.run('Kiểm tra gói', async (h) => (await gate, h.checkCancelled()), actorOf(resolveSession(app.s, lan, false)!.user));
    job.catch(() => undefined);
    const jobId = (await app.call('jobs.list', {}, lan))[0]!.jobId;
    await app.call('jobs.cancel', { jobId }, lan);
    release();
    await expect(job).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('only leaders forget a kept package', async () => {
    app = openTestApp();
    const leader = await setUpOffice(app);
    await app.call('users.create', OFFICERS[0]!, leader);
    const lan = (await app.call('auth.login', { username: 'lan', password: 'lan-mat-khau' })).token;
    expect((await app.fail('package.forget', { packageKey: 'a'.repeat(64) }, lan)).code).toBe('FORBIDDEN');
  });
});

/** Reads a server-sent event stream into a list until stopped. */
function listen(url: string) {
  const events: { type: string; ownerId?: number | null }[] = [];
  const ctrl = new AbortController();
  let ended = false;
  // The server writes ": ok" in the same tick as it subscribes the stream: once read, no event is missed.
  let markOpen = () => {};
  const opened = new Promise<void>((r) => (markOpen = r));
  const done = (async () => {
    const res = await fetch(url, { signal: ctrl.signal });
    if (res.status !== 200) return res.status;
    const reader = res.body!.getReader();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) break;
      buf += new TextDecoder().decode(value);
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const chunk = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (chunk.startsWith(': ok')) markOpen();
        const data = /^data: (.*)$/m.exec(chunk)?.[1];
        if (data) events.push(JSON.parse(data));
      }
    }
    ended = true;
    return 200;
  })();
  return { events, done, opened, ended: () => ended, stop: () => ctrl.abort() };
}

describe('the event stream (browser mode, real server)', () => {
  let served: Served | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await served?.stop();
    cleanup(dir);
  });

  it('needs a session, and carries a job only to its owner and the managers', async () => {
    dir = tempDir();
    served = await startServe(dir);
    const call = async (m: string, input: unknown, session?: string) => {
      const r = await apiCall(served!, m, input, session);
      if (!r.ok) throw new Error(`${m}: ${r.error?.message}`);
      return r.value;
    };
    await call('office.setup', {
      office: { province: 'Thái Nguyên', district: 'Võ Nhai', commune: 'Phú Thượng', kind: 'xa' },
      leader: { fullName: 'Nguyễn Văn Hùng', position: 'Chủ tịch', username: 'chutich', password: 'mat-khau-manh' },
    });
    const leader = (await call('auth.login', { username: 'chutich', password: 'mat-khau-manh' })).token as string;
    await call('users.create', OFFICERS[0], leader);
    const lan = (await call('auth.login', { username: 'lan', password: 'lan-mat-khau' })).token as string;

    const base = `${served.url}api/events?token=${encodeURIComponent(served.token)}`;
    expect(await listen(base).done).toBe(401); // no ticket: no events
    expect(await listen(`${base}&ticket=gia-mao`).done).toBe(401);

    const ticket = async (session: string) => (await call('events.ticket', {}, session)).ticket as string;
    const leaderStream = listen(`${base}&ticket=${await ticket(leader)}`);
    const lanStream = listen(`${base}&ticket=${await ticket(lan)}`);
    await Promise.all([leaderStream.opened, lanStream.opened]);
    // The leader starts a job (re-checking a package that is not kept: it runs, then fails).
    const r = await apiCall(served, 'package.reopen', { packageKey: 'b'.repeat(64) }, leader);
    expect(r.ok).toBe(false);
    await expect.poll(() => leaderStream.events.filter((e) => e.type === 'job').length).toBeGreaterThanOrEqual(2);
    expect(lanStream.events.filter((e) => e.type === 'job')).toEqual([]);

    // Logged out: the leader's stream ends at the next event.
    await call('auth.logout', {}, leader);
    await apiCall(served, 'package.reopen', { packageKey: 'c'.repeat(64) }, lan);
    await expect.poll(() => leaderStream.ended()).toBe(true);
    lanStream.stop();
  });
});
