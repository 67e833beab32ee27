// The outbox loop, in the backend of both the desktop app and browser mode. Each pass: nothing
// to do without an enrolled receiver; probe /v1/health; then every due row in turn, each in its
// own try/catch so one bad package never holds up the others. Everything it needs to continue
// after a restart is in SQLite (state, upload address, offset); the offset itself is always
// asked of the receiver (HEAD) before resuming. Network faults retry forever with a growing,
// capped, jittered delay; faults a person must act on stop the row as "failed" with the reason.
import type { Services } from '../context';
import { SYSTEM_ACTOR } from '../context';
import { observeTrustedTime } from '../trusted-time';
import { hashFile } from '../package-format/hash';
import { createLogger } from '../log';
import { getConnection, probeConnection, noteContact, type Connection } from './connection';
import { dueRows, nextDueAt, setState, progressOf, getRow, type OutboxRow } from './outbox';
import { upload, askStatus, type UploadHooks } from './uploader';
import { openConnection } from './token-seal';
import { verifyReceipt } from './receipts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { SyncFault, faultMessage } from './faults';
import type { PackageStatusResponse } from '../../../shared/sync/protocol';
import { vi } from '../../../shared/i18n/vi';

const log = createLogger('sync');

export interface RunnerOptions {
  chunkSize?: number;
  throttleBps?: number;
  trace?: UploadHooks['trace'];
  rng?: () => number;
  backoff?: BackoffOptions;
  /** Longest sleep between passes (rows queued by another process are noticed by then). */
  idleMs?: number;
  /** How often to ask about a quarantined package. */
  quarantinePollMs?: number;
  /** How often to ask the receiver for results it sends back (appraisals). */
  inboxPollMs?: number;
}

export class SyncRunner {
  private timer: NodeJS.Timeout | null = null;
  private busy: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private abort = new AbortController();
  constructor(
    private readonly s: Services,
    private readonly opts: RunnerOptions = {},
  ) {}

  start(): this {
    this.schedule(0);
    return this;
  }

  stop(): void {
    this.stopped = true;
    this.abort.abort();
    if (this.timer) clearTimeout(this.timer);
  }

  /** Run a pass now (after a queue, a retry or an enrollment). */
  wake(): void {
    if (this.busy) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    // The app is closing (database closed under us): stop quietly.
    if (!this.s.db.sqlite.open) return this.stop();
    await this.runOnce().catch((e: unknown) => log.error('sync pass failed', { error: faultMessage(e) }));
    if (!this.s.db.sqlite.open) return this.stop();
    if (this.again) {
      this.again = false;
      return this.schedule(0);
    }
    const idle = this.opts.idleMs ?? 60_000;
    const due = nextDueAt(this.s);
    const wait = due === null ? idle : Math.min(idle, Math.max(200, due - this.s.clock.now()));
    this.schedule(wait);
  }

  /** One pass over the due rows; resolves when it is done (a second call meanwhile waits for the first). */
  runOnce(): Promise<void> {
    if (this.busy) return this.busy;
    this.busy = this.pass().finally(() => (this.busy = null));
    return this.busy;
  }

  private async pass(): Promise<void> {
    const stored = getConnection(this.s);
    if (!stored) return;
    const due = dueRows(this.s, this.s.clock.now());
    if (!due.length) return this.pullInbox(stored);
    let conn: Connection;
    try {
      conn = openConnection(this.s, stored);
    } catch (e) {
      // Sealed by the desktop app's keychain and opened elsewhere: said on each package, retried.
      const fault = e instanceof SyncFault ? e : new SyncFault('local', faultMessage(e));
      for (const row of due) this.defer(row, fault);
      return;
    }
    const down = await probeConnection(this.s, conn);
    for (const row of due) {
      if (this.stopped) return;
      if (down) this.defer(row, down);
      else await this.process(conn, row);
    }
    if (!down) await this.pullInbox(stored);
  }

  private lastPull: number | null = null;
  /**
   * What the province sends back — today the appraisal council's results (issue 10) — asked on a
   * contact at most every 10 minutes, after the outbox's work; its faults never touch the outbox.
   */
  private async pullInbox(stored: Connection): Promise<void> {
    const now = this.s.clock.now();
    if (this.stopped || (this.lastPull !== null && now - this.lastPull < (this.opts.inboxPollMs ?? 10 * 60_000))) return;
    this.lastPull = now;
    try {
      const { pullAppraisals } = await import('../appraisal/from-receiver');
      await pullAppraisals(this.s, openConnection(this.s, stored));
    } catch (e) {
      log.info('appraisal results not fetched', { error: faultMessage(e) });
    }
  }

  private defer(row: OutboxRow, fault: SyncFault): void {
    const attempts = row.attempts + 1;
    // The growing delay, but never sooner than the receiver asked (Retry-After of a 429/503).
    const delay = Math.max(backoffDelay(attempts, this.opts.rng ?? Math.random, this.opts.backoff ?? DEFAULT_BACKOFF), fault.retryAfterMs ?? 0);
    if (row.state === 'quarantined') {
      setState(this.s, SYSTEM_ACTOR, row.id, { next_try_at: this.s.clock.now() + Math.max(delay, this.quarantinePoll() / 10) });
      return;
    }
    setState(this.s, SYSTEM_ACTOR, row.id, { state: 'waiting', attempts, next_try_at: this.s.clock.now() + delay, last_error: fault.message });
  }

  private quarantinePoll = () => this.opts.quarantinePollMs ?? 10 * 60_000;

  private async process(conn: Connection, row: OutboxRow): Promise<void> {
    try {
      const answer = row.state === 'quarantined' ? await askStatus(conn, row.sha256) : await this.send(conn, row);
      if (answer) this.record(conn, row.id, answer);
      else setState(this.s, SYSTEM_ACTOR, row.id, { next_try_at: this.s.clock.now() + this.quarantinePoll() });
      noteContact(this.s, null);
    } catch (e) {
      const fault = e instanceof SyncFault ? e : new SyncFault('server', vi.sync.faults.server(0, faultMessage(e)));
      log.warn('outbox row not sent', { outboxId: row.id, kind: fault.kind, error: fault.message });
      if (['unreachable', 'dns', 'timeout', 'html', 'tls', 'full', 'unauthorized'].includes(fault.kind)) noteContact(this.s, fault.message);
      await this.fail(getRow(this.s, row.id) ?? row, fault);
    }
  }

  private async fail(row: OutboxRow, fault: SyncFault): Promise<void> {
    if (fault.kind === 'hash') {
      // The receiver got other bytes than ours: ours changed (stop), or they broke on the way (start over).
      const local = await hashFile(row.path).catch(() => null);
      if (!local || local.sha256 !== row.sha256) {
        setState(this.s, SYSTEM_ACTOR, row.id, { state: 'failed', last_error: vi.sync.faults.localChanged });
        return;
      }
      setState(this.s, SYSTEM_ACTOR, row.id, { upload_url: null, bytes_sent: 0 });
      row = getRow(this.s, row.id)!;
    }
    if (fault.retry) this.defer(row, fault);
    else setState(this.s, SYSTEM_ACTOR, row.id, { state: 'failed', attempts: row.attempts + 1, last_error: fault.message });
  }

  private async send(conn: Connection, row: OutboxRow): Promise<PackageStatusResponse> {
    const s = this.s;
    setState(s, SYSTEM_ACTOR, row.id, { state: 'sending' });
    const speed = new SpeedMeter();
    let lastEmit = 0;
    return upload(
      conn,
      { sha256: row.sha256, path: row.path, fileName: row.file_name, size: row.size, uploadUrl: row.upload_url },
      {
        ...(this.opts.chunkSize ? { chunkSize: this.opts.chunkSize } : {}),
        ...(this.opts.throttleBps ? { throttleBps: this.opts.throttleBps } : {}),
        ...(this.opts.trace ? { trace: this.opts.trace } : {}),
        signal: this.abort.signal,
        onUploadUrl: (url) => s.db.run(s.db.q.updateTable('outbox').set({ upload_url: url, updated_at: s.clock.now() }).where('id', '=', row.id)),
        onAcked: (offset) => s.db.run(s.db.q.updateTable('outbox').set({ bytes_sent: offset, updated_at: s.clock.now() }).where('id', '=', row.id)),
        onProgress: (bytes) => {
          const now = Date.now();
          const bps = speed.sample(bytes, now);
          if (now - lastEmit < 200 && bytes < row.size) return;
          lastEmit = now;
          s.events.emit({ type: 'sync', progress: { ...progressOf({ ...row, state: 'sending', bytes_sent: bytes }, bps) } });
        },
      },
    );
  }

  /** The receiver's answer, verified against the pinned certificate before anything is recorded. */
  private record(conn: Connection, id: number, answer: PackageStatusResponse): void {
    const row = getRow(this.s, id)!;
    const pin = { certificatePem: conn.receiver_certificate_pem, fingerprint: conn.receiver_fingerprint };
    if (answer.sha256 !== row.sha256) throw new SyncFault('receipt', vi.sync.faults.receiptMismatch);
    if (answer.receipt) {
      verifyReceipt(answer.receipt, pin, { sha256: row.sha256, office: conn.office_key });
      if (answer.receipt.receipt.status !== answer.status) throw new SyncFault('receipt', vi.sync.faults.receiptMismatch);
      observeTrustedTime(this.s, answer.receipt.receipt.receivedAt);
    } else if (answer.status !== 'rejected') throw new SyncFault('protocol', vi.sync.faults.protocol('receipt'));
    const receipt = answer.receipt
      ? { receipt_json: JSON.stringify(answer.receipt), receipt_id: answer.receipt.receipt.receiptId, received_at: answer.receipt.receipt.receivedAt }
      : {};
    const reasons = JSON.stringify(answer.reasons);
    const now = this.s.clock.now();
    if (answer.status === 'accepted')
      setState(this.s, SYSTEM_ACTOR, id, { state: 'sent', ...receipt, bytes_sent: row.size, upload_url: null, last_error: null, remote_reasons_json: reasons });
    else if (answer.status === 'quarantined')
      setState(this.s, SYSTEM_ACTOR, id, {
        state: 'quarantined',
        ...receipt,
        bytes_sent: row.size,
        upload_url: null,
        last_error: null,
        remote_reasons_json: reasons,
        next_try_at: now + this.quarantinePoll(),
      });
    else
      setState(this.s, SYSTEM_ACTOR, id, {
        state: 'rejected',
        ...receipt,
        upload_url: null,
        last_error: answer.reasons[0]?.message ?? null,
        remote_reasons_json: reasons,
      });
  }
}

/** Bytes per second over roughly the last three seconds. */
class SpeedMeter {
  private samples: { t: number; b: number }[] = [];
  sample(bytes: number, now: number): number | null {
    this.samples.push({ t: now, b: bytes });
    while (this.samples.length > 2 && now - this.samples[0]!.t > 3_000) this.samples.shift();
    const first = this.samples[0]!;
    const dt = (now - first.t) / 1000;
    return dt > 0.2 ? Math.max(0, (bytes - first.b) / dt) : null;
  }
}

const runners = new WeakMap<Services, SyncRunner>();

/** Starts the outbox loop for these services (once); returns its stop function. */
export function startSyncRunner(s: Services, opts: RunnerOptions = {}): () => void {
  const existing = runners.get(s);
  if (existing) return () => existing.stop();
  const r = new SyncRunner(s, opts).start();
  runners.set(s, r);
  return () => {
    r.stop();
    runners.delete(s);
  };
}

/** Nudges the running loop (no-op where none runs, e.g. a test's in-process services). */
export const wakeSync = (s: Services) => runners.get(s)?.wake();
export const runnerOf = (s: Services) => runners.get(s);
