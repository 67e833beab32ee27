// The outbox waits as long as the receiver asks (Retry-After of a 429 or 503, in seconds or as a
// date) and no shorter, and `kiemchung sync retry [ID]` makes a failed or waiting package due now.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openTestApp, setUpOffice, cleanup, type TestApp } from '../helpers/services';
import { SyncRunner } from '../../main/services/sync/runner';
import { getRow, queueRow, setState } from '../../main/services/sync/outbox';
import { SYSTEM_ACTOR } from '../../main/services/context';
import { runSyncCli } from '../../main/cli/sync';
import { createSelfSignedIdentity } from '../../main/services/package-format';
import { certificateFingerprint } from '../../main/services/sync/receipts';

let app: TestApp;
let server: http.Server;
let url: string;
/** What the fake receiver answers to a tus creation and to /v1/health. */
let answer: { health: number; create: number; retryAfter: string | null };
const requests: string[] = [];

beforeAll(async () => {
  app = openTestApp();
  await setUpOffice(app);
  server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    req.resume();
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const later: Record<string, string> = answer.retryAfter ? { 'retry-after': answer.retryAfter } : {};
    if (req.url === '/v1/health') {
      if (answer.health !== 200) return json(answer.health, { code: 'MAINTENANCE', message: 'Máy chủ đang bảo trì.' }, later);
      return json(200, { ok: true, time: Date.now(), version: 1, receiver: 'kiemchung-receiver' });
    }
    if (req.url?.startsWith('/v1/packages/')) return json(404, { code: 'NOT_FOUND', message: 'Không có gói này.' });
    if (req.method === 'POST' && req.url === '/v1/uploads/')
      return json(answer.create, { code: 'TOO_MANY_UPLOADS', message: 'Xã đang gửi quá nhiều tệp cùng lúc.' }, later);
    json(500, { code: 'INTERNAL', message: 'lỗi' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  // An enrolled connection to the fake receiver (its certificate is never needed: no receipt comes).
  const id = await createSelfSignedIdentity({ commonName: 'Máy chủ tiếp nhận thử', organization: 'Sở Nội vụ', locality: 'Võ Nhai', province: 'Thái Nguyên' });
  app.s.db.sqlite
    .prepare(
      `INSERT INTO sync_connection (id, url, office_key, client_token, receiver_certificate_pem, receiver_fingerprint, signer_fingerprint, enrolled_at, updated_at)
       VALUES (1, ?, 'Thái Nguyên/Võ Nhai/Phú Thượng', ?, ?, ?, ?, 1, 1)`,
    )
    .run(url, 't'.repeat(48), id.certificatePem, certificateFingerprint(id.certificatePem), 'f'.repeat(64));
}, 60_000);

afterAll(() => {
  server.close();
  app.close();
  cleanup(app.dir);
});

let n = 0;
/** A package file in the outbox (the bytes do not matter: the fake receiver never takes them). */
function queued() {
  const file = path.join(app.dir, `goi-${++n}.zip`);
  writeFileSync(file, Buffer.alloc(1000, n));
  const sha = n.toString(16).padStart(64, 'a');
  return app.s.db.tx((w) => queueRow(w, app.s, SYSTEM_ACTOR, { packageId: null, path: file, sha256: sha, size: 1000, kind: null }));
}

/** Every row due later than this test's, so only the new row is tried. */
function onlyDue(id: number) {
  app.s.db.sqlite.prepare('UPDATE outbox SET next_try_at = ? WHERE id != ?').run(app.clock.now() + 86_400_000, id);
}

beforeEach(() => {
  requests.length = 0;
});

describe('Retry-After', () => {
  it('a 429 with Retry-After: 120 puts the next try two minutes away, though the first backoff would be 5 seconds', async () => {
    answer = { health: 200, create: 429, retryAfter: '120' };
    const row = queued();
    onlyDue(row.id);
    await new SyncRunner(app.s, { rng: () => 0 }).runOnce();
    const after = getRow(app.s, row.id)!;
    expect(after.state).toBe('waiting');
    expect(after.last_error).toMatch(/quá nhiều tệp cùng lúc/);
    expect(after.next_try_at - app.clock.now()).toBe(120_000);
    expect(requests).toContain('POST /v1/uploads/');
  });

  it('a 503 on the health probe with an HTTP date waits until that date; without Retry-After the usual backoff applies', async () => {
    answer = { health: 503, create: 429, retryAfter: new Date(Date.now() + 600_000).toUTCString() };
    const row = queued();
    onlyDue(row.id);
    await new SyncRunner(app.s, { rng: () => 0 }).runOnce();
    const wait = getRow(app.s, row.id)!.next_try_at - app.clock.now();
    // An HTTP date has whole seconds: between 9 and 10 minutes from now.
    expect(wait).toBeGreaterThan(540_000);
    expect(wait).toBeLessThanOrEqual(600_000);
    expect(requests).not.toContain('POST /v1/uploads/');

    answer = { health: 503, create: 429, retryAfter: null };
    const other = queued();
    onlyDue(other.id);
    await new SyncRunner(app.s, { rng: () => 0 }).runOnce();
    // First failure, no hint: half of the 5-second base (rng 0 = the fixed half of the jitter).
    expect(getRow(app.s, other.id)!.next_try_at - app.clock.now()).toBe(2_500);
  });

  it('a Retry-After of a day (a misconfigured proxy) is obeyed for at most an hour', async () => {
    answer = { health: 200, create: 429, retryAfter: '86400' };
    const row = queued();
    onlyDue(row.id);
    await new SyncRunner(app.s, { rng: () => 0 }).runOnce();
    expect(getRow(app.s, row.id)!.next_try_at - app.clock.now()).toBe(3_600_000);
  });
});

describe('kiemchung sync retry', () => {
  const cli = async (args: string[]) => {
    const lines: string[] = [];
    let code: number | null = null;
    let error = '';
    try {
      code = await runSyncCli([...args, '--data-dir', app.dir], (l) => lines.push(l));
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    return { code, out: lines.join('\n'), error };
  };

  it('makes a failed package due now, audited; with no number, every failed or waiting one', async () => {
    const row = queued();
    setState(app.s, SYSTEM_ACTOR, row.id, { state: 'failed', last_error: 'Không tìm thấy tệp gói' });
    // The CLI opens the data folder on its own, as a second process would.
    app.s.db.sqlite.prepare('UPDATE outbox SET next_try_at = ?').run(app.clock.now() + 86_400_000);
    const one = await cli(['retry', String(row.id)]);
    expect(one.error).toBe('');
    expect(one.code).toBe(0);
    expect(one.out).toMatch(new RegExp(`Đã đưa lại vào hàng gửi: #${row.id} goi-\\d+\\.zip`));
    const after = getRow(app.s, row.id)!;
    expect(after.state).toBe('waiting');
    expect(after.last_error).toBeNull();
    expect(after.next_try_at).toBeLessThanOrEqual(Date.now());
    const audit = app.s.db.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'outbox' AND entity_id = ? ORDER BY seq DESC").all(String(row.id)) as {
      action: string;
    }[];
    expect(audit[0]?.action).toBe('sync.retry');

    const all = await cli(['retry']);
    expect(all.code).toBe(0);
    const count = (app.s.db.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE state IN ('failed','waiting')").get() as { n: number }).n;
    expect(all.out.split('\n').filter((l) => l.startsWith('Đã đưa lại vào hàng gửi'))).toHaveLength(count);
  });

  it('refuses a number that is not in the outbox, or not a number, in Vietnamese', async () => {
    expect((await cli(['retry', '9999'])).error).toMatch(/Không tìm thấy gói này trong hộp thư đi/);
    expect((await cli(['retry', 'abc'])).error).toMatch(/"abc" không phải số thứ tự của một gói/);
  });
});
