// Cài đặt → "Kết nối với tỉnh": the receiver's address and the one-time enrollment code; once
// enrolled, the receiver certificate's fingerprint (pinned; read out to the province to check),
// the last contact and the last error.
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Field, Notice } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { useSync, groupFingerprint } from '../../components/useSync';
import { formatDateTime } from '../../../../shared/format';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.sync.ui;

export function ProvinceConnection({ canManage }: { canManage: boolean }) {
  const { data, reload } = useSync();
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const sub = useSubmit();
  const conn = data?.connection ?? null;
  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setNotice(null);
    const r = await sub.submit(() => call('sync.enroll', { url: url || conn?.url || '', code }));
    if (r) {
      setCode('');
      setNotice(r.warning ?? t.enrolled(r.office));
      reload();
    }
  };
  const disconnect = async () => {
    if (!window.confirm(t.confirmDisconnect)) return;
    if (await sub.submit(() => call('sync.disconnect', {}))) reload();
  };
  return (
    <section className="panel" aria-labelledby="province-title">
      <h2 id="province-title">{t.title}</h2>
      <Notice message={notice} />
      <ErrorBox message={sub.error} />
      {conn ? (
        <dl className="facts" aria-label={t.title}>
          <dt>{t.enrolled(conn.office)}</dt>
          <dd>
            <code>{conn.url}</code>
          </dd>
          <dt>{t.fingerprint}</dt>
          <dd>
            <code className="fingerprint" data-testid="receiver-fingerprint">
              {groupFingerprint(conn.receiverFingerprint)}
            </code>
            <div className="muted small">{t.fingerprintHint}</div>
          </dd>
          <dt>{t.enrolledAt}</dt>
          <dd>{formatDateTime(conn.enrolledAt)}</dd>
          <dt>{t.lastContact}</dt>
          <dd data-testid="last-contact">{conn.lastContactAt ? formatDateTime(conn.lastContactAt) : t.never}</dd>
          {conn.lastError && (
            <>
              <dt>{t.lastError}</dt>
              <dd className="field__error">{conn.lastError}</dd>
            </>
          )}
        </dl>
      ) : (
        <p>{t.intro}</p>
      )}
      {canManage && (
        <form onSubmit={onSubmit} noValidate aria-label={t.title}>
          <div className="grid2">
            <Field label={t.url} error={sub.fieldErrors['url']}>
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  value={url}
                  placeholder={conn?.url ?? 'https://'}
                  onChange={(e) => setUrl(e.target.value)}
                  spellCheck={false}
                />
              )}
            </Field>
            <Field label={t.code} error={sub.fieldErrors['code']}>
              {(id, d) => <input id={id} aria-describedby={d} value={code} onChange={(e) => setCode(e.target.value)} spellCheck={false} autoComplete="off" />}
            </Field>
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={sub.busy || !code || !(url || conn)}>
              {conn ? t.reenroll : t.enroll}
            </button>
            {conn && (
              <button type="button" onClick={() => void disconnect()} disabled={sub.busy}>
                {t.disconnect}
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
