// Gói hồ sơ → the outbox to the province: each package with its state — đang chờ mạng · đang gửi
// (bytes sent / total, speed) · đã gửi (receipt id and time) · cách ly / bị từ chối tại tỉnh (the
// receiver's reasons) · lỗi tại máy (the reason) — and "Gửi lên tỉnh" for a built package.
import { call } from '../api/client';
import { ErrorBox } from './form';
import { useSubmit } from './useForm';
import { useSync } from './useSync';
import { formatBytes, formatDateTime } from '../../../shared/format';
import type { OutboxView, SyncProgress } from '../../../shared/api/sync-schemas';
import { vi } from '../../../shared/i18n/vi';

const t = vi.sync.ui;
/** In MB always: "sent / total" compares in one unit. */
const mb = (n: number) => formatBytes(n, { unit: 'MB', decimals: 2 });
const STATE_CLASS: Record<OutboxView['state'], string> = {
  waiting: 'badge--todo',
  sending: 'badge--done',
  sent: 'badge--approved',
  quarantined: 'badge--returned',
  rejected: 'badge--returned',
  failed: 'badge--returned',
};

/** The state of one row in words, with live progress while it sends. */
export function OutboxState({ row, live }: { row: OutboxView; live: SyncProgress | undefined }) {
  const state = live && live.state === 'sending' && row.state !== 'sent' ? 'sending' : row.state;
  const sent = live && state === 'sending' ? live.bytesSent : row.bytesSent;
  const pct = row.size ? Math.min(100, (sent / row.size) * 100) : 0;
  return (
    <div className="outbox-state" data-state={state}>
      <span className={`badge ${STATE_CLASS[state]}`}>{t.states[state]}</span>{' '}
      {state === 'sending' && (
        <>
          <span>{t.progress(mb(sent), mb(row.size), live?.bytesPerSecond ? t.perSecond(mb(live.bytesPerSecond)) : '')}</span>
          <div className="bar" role="progressbar" aria-valuenow={Math.round(pct)} aria-valuemin={0} aria-valuemax={100}>
            <span className="bar--done" style={{ width: `${pct}%` }} />
          </div>
        </>
      )}
      {row.receiptId && <span className="small">{t.receipt(row.receiptId, formatDateTime(row.receivedAt ?? 0))}</span>}
      {(state === 'waiting' || state === 'failed') && row.lastError && (
        <div className="muted small">
          {t.reason} {row.lastError}
        </div>
      )}
      {state === 'waiting' && row.attempts > 0 && (
        <div className="muted small">
          {t.attempts(row.attempts)} · {t.nextTry(formatDateTime(row.nextTryAt))}
        </div>
      )}
      {(state === 'quarantined' || state === 'rejected') && row.reasons.length > 0 && (
        <div className="small">
          {t.reasons}
          <ul>
            {row.reasons.map((r, i) => (
              <li key={i}>
                {r.file ? `${r.file}: ` : ''}
                {r.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export function OutboxPanel({ canManage }: { canManage: boolean }) {
  const { data, live, reload } = useSync();
  const sub = useSubmit();
  const retry = async (id: number) => {
    if (await sub.submit(() => call('sync.retry', { outboxId: id }))) reload();
  };
  return (
    <section className="panel" aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t.outboxTitle}</h2>
      <ErrorBox message={sub.error} />
      {data && !data.connection && <p className="muted">{t.notConnected}</p>}
      {data?.outbox.length === 0 && <p>{t.outboxEmpty}</p>}
      {data && data.outbox.length > 0 && (
        <table className="table" aria-label={t.outboxTitle}>
          <tbody>
            {data.outbox.map((row) => (
              <tr key={row.id} data-testid={`outbox-${row.id}`}>
                <td>
                  {row.kind && <span className="badge">{vi.packageKinds.labels[row.kind]}</span>} <strong className="filename">{row.fileName}</strong>
                  <div className="muted small">
                    {mb(row.size)} · sha256 {row.sha256.slice(0, 16)}…
                  </div>
                </td>
                <td>
                  <OutboxState row={row} live={live[row.id]} />
                </td>
                <td className="row-actions">
                  {canManage && row.state !== 'sent' && row.state !== 'sending' && (
                    <button onClick={() => void retry(row.id)} disabled={sub.busy || !data.connection}>
                      {t.retry}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** "Gửi lên tỉnh" beside a built package, or its outbox state once it is there. */
export function SendToProvinceButton({ packageId, sha256 }: { packageId: number; sha256: string }) {
  const { data, reload } = useSync();
  const sub = useSubmit();
  const row = data?.outbox.find((o) => o.sha256 === sha256);
  const send = async () => {
    if (await sub.submit(() => call('sync.queue', { packageId }))) reload();
  };
  if (row && row.state !== 'failed') return <span className={`badge ${STATE_CLASS[row.state]}`}>{t.states[row.state]}</span>;
  return (
    <>
      <button onClick={() => void send()} disabled={sub.busy}>
        {t.sendToProvince}
      </button>
      {sub.error && <span className="field__error small">{sub.error}</span>}
    </>
  );
}
