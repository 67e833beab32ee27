// `kiemchung sync …`: enrollment, sending a package file through the outbox, and the outbox's
// state — the same services the app's background runner uses, for scripting and tests.
//   sync enroll --url URL --code CODE [--data-dir D]
//   sync send FILE [--wait S] [--data-dir D]   exit 0 with an "accepted" receipt, 3 quarantined,
//                                              2 rejected, 1 failed or no receipt within S seconds
//   sync status [--json] [--data-dir D]
//   sync retry [ID] [--wait S] [--data-dir D]  due now again: row ID, or every failed/waiting row;
//                                              with --wait, sends them as `send` does
import { parseArgs } from 'node:util';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { resolveDataDir } from '../db/data-dir';
import { bootServices } from '../services/bootstrap';
import { SYSTEM_ACTOR, type Services } from '../services/context';
import { hashFile } from '../services/package-format/hash';
import { enroll } from '../services/sync/enroll';
import { getConnection, connectionView } from '../services/sync/connection';
import { queueRow, getRow, listOutbox, outboxView, retryRow } from '../services/sync/outbox';
import { SyncRunner } from '../services/sync/runner';
import { syncOptionsFromEnv } from '../services/sync/env';
import { formatDateTime } from '../../shared/format';
import { vi } from '../../shared/i18n/vi';

const c = vi.sync.cli;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function send(s: Services, file: string, waitSec: number, print: (line: string) => void): Promise<number> {
  const src = path.resolve(file);
  const { sha256, size } = await hashFile(src);
  // The outbox keeps its own copy: the file given may be on a stick that is pulled out.
  const dir = path.join(s.dataDir, 'outbox');
  await mkdir(dir, { recursive: true });
  const kept = path.join(dir, `${sha256}.zip`);
  if ((await stat(kept).catch(() => null))?.size !== size) await copyFile(src, kept);
  const row = s.db.tx((w) => queueRow(w, s, SYSTEM_ACTOR, { packageId: null, path: kept, sha256, size, kind: null }));
  // Sent again by hand: a quarantined package is asked about now (the province may have decided).
  if (row.state === 'quarantined') s.db.run(s.db.q.updateTable('outbox').set({ next_try_at: s.clock.now() }).where('id', '=', row.id));
  print(c.queued(path.basename(src), sha256));
  return deliver(s, row.id, waitSec, print);
}

/** Runs the outbox until row `id` has the province's answer or `waitSec` pass; the exit code of `send`. */
async function deliver(s: Services, id: number, waitSec: number, print: (line: string) => void): Promise<number> {
  if (!getConnection(s)) {
    print(c.notConnected + ' ' + vi.sync.faults.notConnected);
    return 1;
  }
  const runner = new SyncRunner(s, syncOptionsFromEnv());
  const deadline = Date.now() + waitSec * 1000;
  let lastError: string | null = null;
  for (;;) {
    await runner.runOnce();
    const r = getRow(s, id)!;
    if (r.last_error && r.last_error !== lastError) print(r.last_error);
    lastError = r.last_error;
    const v = outboxView(s, r);
    if (r.state === 'sent' && r.receipt_id) {
      print(c.receipt(r.receipt_id));
      return 0;
    }
    if (r.state === 'quarantined' || r.state === 'rejected' || r.state === 'failed') {
      print(r.state === 'quarantined' ? c.quarantined : r.state === 'rejected' ? c.rejected : c.failed);
      for (const x of v.reasons) print(`  ${x.file ? x.file + ': ' : ''}${x.message}`);
      if (r.state === 'failed' && r.last_error) print(`  ${r.last_error}`);
      if (r.receipt_id) print(c.receipt(r.receipt_id));
      runner.stop();
      return r.state === 'quarantined' ? 3 : r.state === 'rejected' ? 2 : 1;
    }
    const now = Date.now();
    if (now >= deadline) {
      print(c.timedOut(waitSec));
      runner.stop();
      return 1;
    }
    await sleep(Math.max(50, Math.min(deadline - now, r.next_try_at - s.clock.now())));
  }
}

/** `sync retry [ID]`: the row (or every failed and waiting row) due now; with --wait, delivered too. */
async function retry(s: Services, id: string | undefined, waitSec: number | null, print: (line: string) => void): Promise<number> {
  let ids: number[];
  if (id !== undefined) {
    const n = Number(id.replace(/^#/, ''));
    if (!Number.isSafeInteger(n) || n <= 0) throw new Error(c.badId(id));
    ids = [n];
  } else {
    ids = listOutbox(s)
      .filter((r) => r.state === 'failed' || r.state === 'waiting')
      .map((r) => r.id)
      .reverse();
    if (!ids.length) {
      print(c.nothingToRetry);
      return 0;
    }
  }
  for (const n of ids) {
    const r = retryRow(s, SYSTEM_ACTOR, n); // refuses an unknown or already received row, in words
    print(c.retried(r.id, r.file_name));
  }
  if (waitSec === null) {
    print(c.retryHint);
    return 0;
  }
  let code = 0;
  for (const n of ids) code = Math.max(code, await deliver(s, n, waitSec, print));
  return code;
}

function status(s: Services, json: boolean, print: (line: string) => void): number {
  const conn = getConnection(s);
  const rows = listOutbox(s);
  if (json) {
    print(JSON.stringify({ connection: conn ? connectionView(conn) : null, outbox: rows }, null, 2));
    return 0;
  }
  const u = vi.sync.ui;
  if (!conn) print(u.notConnected);
  else {
    print(`${u.enrolled(conn.office_key)} — ${conn.url}`);
    print(`${u.fingerprint}: ${conn.receiver_fingerprint}`);
    print(`${u.lastContact}: ${conn.last_contact_at ? formatDateTime(conn.last_contact_at) : u.never}${conn.last_error ? ` — ${conn.last_error}` : ''}`);
  }
  if (!rows.length) print(u.outboxEmpty);
  for (const r of rows) {
    const extra = r.receiptId ? ` — ${u.receipt(r.receiptId, formatDateTime(r.receivedAt ?? 0))}` : r.lastError ? ` — ${r.lastError}` : '';
    print(`#${r.id} ${u.states[r.state]} ${r.fileName} ${r.bytesSent}/${r.size} B${extra}`);
  }
  return 0;
}

export async function runSyncCli(argv: string[], print: (line: string) => void = (l) => console.log(l)): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      code: { type: 'string' },
      wait: { type: 'string' },
      json: { type: 'boolean' },
      'data-dir': { type: 'string' },
    },
  });
  const [sub, file] = positionals;
  if (sub !== 'enroll' && sub !== 'send' && sub !== 'status' && sub !== 'retry') throw new Error(c.usage);
  const wait = values.wait === undefined ? 120 : Number(values.wait);
  if (!Number.isFinite(wait) || wait < 0) throw new Error(c.badWait);
  if (sub === 'enroll' && (!values.url || !values.code)) throw new Error(c.usage);
  if (sub === 'send' && !file) throw new Error(c.usage);
  const s = bootServices({ dataDir: resolveDataDir(values['data-dir']) });
  try {
    if (sub === 'enroll') {
      const v = await enroll(s, SYSTEM_ACTOR, { url: values.url!, code: values.code! });
      print(c.enrolled(v.office, v.receiverFingerprint));
      if (v.warning) print(v.warning);
      return 0;
    }
    if (sub === 'send') return await send(s, file!, wait, print);
    if (sub === 'retry') return await retry(s, file, values.wait === undefined ? null : wait, print);
    return status(s, values.json === true, print);
  } finally {
    s.db.close();
  }
}
