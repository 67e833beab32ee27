// Cài đặt → "Cho phép máy khác trong văn phòng truy cập" (leaders and admins): turns the HTTPS
// listener for the other PCs on and off at the serving PC, and shows what to type there — the
// address(es) and the certificate's short code — with how to check the browser's warning.
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Notice } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { vi } from '../../../../shared/i18n/vi';
import type { LanStatus } from '../../../../shared/api/lan-schemas';

const t = vi.officeNetwork;

export function OfficeNetwork() {
  const [st, setSt] = useState<LanStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const sub = useSubmit();
  useEffect(() => {
    call('lan.status', {}).then(setSt, () => undefined);
  }, []);
  if (!st) return null;
  const turnOn = async () => {
    setNotice(null);
    const r = await sub.submit(() => call('lan.enable', {}));
    if (r) {
      setSt(r);
      setNotice(t.turnedOn);
    }
  };
  const turnOff = async () => {
    setNotice(null);
    const r = await sub.submit(() => call('lan.disable', {}));
    if (r) {
      setSt(r);
      setNotice(t.turnedOff(r.endedSessions));
    }
  };
  const mayToggle = st.available && !st.viewedRemotely;
  return (
    <section className="panel" aria-labelledby="lan-title">
      <h2 id="lan-title">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      <Notice message={notice} />
      <ErrorBox message={sub.error} />
      {!st.available && <p className="muted">{t.notAvailable}</p>}
      <p role="status" data-testid="lan-state">
        <strong>{st.enabled ? t.enabled : t.disabled}</strong> {st.enabled && t.remoteSessions(st.remoteSessions)}
      </p>
      {st.enabled && (
        <dl className="facts" aria-label={t.title}>
          <dt>{t.addresses}</dt>
          <dd data-testid="lan-urls">
            {st.urls.length ? (
              st.urls.map((u) => (
                <div key={u}>
                  <code>{u}</code>
                </div>
              ))
            ) : (
              <span className="muted">{t.noAddress}</span>
            )}
          </dd>
          <dt>{t.shortCode}</dt>
          <dd>
            <code className="fingerprint" data-testid="lan-short-code">
              {st.shortCode}
            </code>
          </dd>
          <dt>{t.fingerprint}</dt>
          <dd>
            <code className="fingerprint small">{st.fingerprint}</code>
          </dd>
        </dl>
      )}
      {st.enabled && (
        <>
          <p className="small">{t.browserHelp}</p>
          <p className="small">{t.desktopHelp}</p>
        </>
      )}
      {st.viewedRemotely && <p className="muted small">{t.notOnNetwork}</p>}
      {mayToggle && (
        <div className="actions">
          {st.enabled ? (
            <button onClick={() => void turnOff()} disabled={sub.busy}>
              {t.disable}
            </button>
          ) : (
            <button className="primary" onClick={() => void turnOn()} disabled={sub.busy}>
              {t.enable}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
