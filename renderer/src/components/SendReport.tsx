// "Gửi báo cáo" on the assessment's summary tab, honest about delivery: with a receiver enrolled
// the report is packaged, signed and queued, and the outbox state is shown (đang chờ mạng → đang
// gửi → đã gửi with the receipt); without one it says the report has not left this PC and must go
// by USB. The local lock ("chốt") and withdrawal work as before.
import { useState } from 'react';
import { call } from '../api/client';
import { ErrorBox, Notice } from './form';
import { IssueList } from './lists';
import { useSubmit } from './useForm';
import { useSync } from './useSync';
import { OutboxState } from './OutboxPanel';
import { SigningPassphraseField, useSigningNeedsPassphrase } from './SigningPassphrase';
import { BlockedSummary, useBlocked } from './BlockedSummary';
import { formatDateTime } from '../../../shared/format';
import { vi } from '../../../shared/i18n/vi';

const t = vi.sync.ui;

export function SendReport({ a, canSend, onChange }: { a: { id: number; status: string; sentAt: number | null }; canSend: boolean; onChange: () => void }) {
  const { data, live, reload } = useSync();
  const needsPass = useSigningNeedsPassphrase();
  const [pass, setPass] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const sub = useSubmit();
  const check = useBlocked();
  const conn = data?.connection ?? null;
  const row = data?.outbox.find((o) => o.kind === 'assessment' && o.refId === a.id) ?? null;
  const send = async () => {
    if (!window.confirm(vi.ui.confirmSend)) return;
    setNotice(null);
    const r = await sub.submit(check.guard(() => call('assessment.send', { assessmentId: a.id, ...(conn && pass ? { passphrase: pass } : {}) })));
    if (r) {
      setPass('');
      setNotice(r.delivery?.message ?? null);
      reload();
      onChange();
    }
  };
  const withdraw = async () => {
    setNotice(null);
    check.clear();
    if (await sub.submit(() => call('assessment.withdraw', { assessmentId: a.id }))) onChange();
  };
  return (
    <div className="panel" aria-label={vi.ui.send}>
      <Notice message={notice} />
      <ErrorBox message={sub.error} />
      {sub.error && <IssueList issues={sub.fieldErrors} />}
      {a.status === 'sent' ? (
        <>
          <p>{t.lockedAt(formatDateTime(a.sentAt ?? 0))}</p>
          {row ? (
            <div data-testid="report-delivery">
              <OutboxState row={row} live={live[row.id]} />
            </div>
          ) : (
            <p className="alert alert--warn" data-testid="report-delivery">
              {conn ? t.deliveryNone : t.deliveryUsb}
            </p>
          )}
          <button onClick={() => void withdraw()} disabled={sub.busy}>
            {vi.ui.withdraw}
          </button>
        </>
      ) : (
        <>
          <p className="muted small">{conn ? t.sendTo(conn.url) : t.notConnected}</p>
          {conn && needsPass && <SigningPassphraseField needed={needsPass} value={pass} onChange={setPass} />}
          <button className="primary" onClick={() => void send()} disabled={sub.busy || !canSend}>
            {vi.ui.send}
          </button>
          <BlockedSummary blocked={check.blocked} checkHref={`#/assessment/${a.id}/precheck`} keyHref="#/packages" />
        </>
      )}
    </div>
  );
}
