// Cài đặt → Đồng hồ: the PC clock, the trusted time, recorded jumps and resets; leaders bring a
// trusted time that ran ahead back — by the receiver's clock, or offline with a typed reason.
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Field, Notice } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { useLoad } from '../../components/useLoad';
import { AHEAD_SHOWN_MS } from '../../components/clock-limits';
import { formatDateTime } from '../../../../shared/format';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.clock;

export function ClockSettings({ isLeader }: { isLeader: boolean }) {
  const { data, setData, error: loadError } = useLoad(() => call('clock.status', {}), []);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, fieldErrors, submit } = useSubmit();
  if (!data) return <ErrorBox message={loadError} />;
  const ahead = data.aheadMs > AHEAD_SHOWN_MS;
  const reset = async (input: { source: 'receiver' } | { source: 'reason'; reason: string }) => {
    setDone(null);
    const r = await submit(() => call('clock.reset', input));
    if (r) {
      setData(r);
      setReason('');
      setDone(t.resetDone(r.trusted));
    }
  };
  return (
    <section className="panel" aria-labelledby="clock-title">
      <h2 id="clock-title">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      <dl className="facts">
        <dt>{t.wall}</dt>
        <dd>{formatDateTime(data.wall, true)}</dd>
        <dt>{t.trusted}</dt>
        <dd>{formatDateTime(data.trusted, true)}</dd>
      </dl>
      {ahead && <div className="alert alert--warn">⚠ {t.ahead(data.aheadMs, data.trusted)}</div>}
      {data.aheadMs < -AHEAD_SHOWN_MS && <div className="alert alert--warn">⚠ {t.behind(-data.aheadMs)}</div>}
      {data.lastJump && <p className="muted">{t.lastJump(data.lastJump.at, data.lastJump.note)}</p>}
      <Notice message={done} />
      <ErrorBox message={error} />
      {ahead && isLeader && (
        <div>
          {data.receiverConfigured && (
            <button type="button" className="primary" disabled={busy} onClick={() => reset({ source: 'receiver' })}>
              {t.resetByReceiver}
            </button>
          )}
          <Field label={t.reasonLabel} hint={t.reasonHint} error={fieldErrors['reason']}>
            {(id, d) => <textarea id={id} aria-describedby={d} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => reset({ source: 'reason', reason })}>
              {t.resetByReason}
            </button>
          </div>
        </div>
      )}
      {data.resets.length > 0 && (
        <>
          <h3>{t.resets}</h3>
          <ul>
            {data.resets.map((r) => (
              <li key={r.at}>{t.resetLine(r.at, r.fromMs, r.toMs, r.actorName, r.reason)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
