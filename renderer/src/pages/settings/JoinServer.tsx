// "Kết nối tới máy chủ văn phòng" (desktop app only): work on another PC's office copy instead of
// this PC's own data — the address and the short code read on that server's Cài đặt screen; the
// app pins the server's certificate (main/host/office-link.ts) and reloads against it.
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Field } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { vi } from '../../../../shared/i18n/vi';
import type { JoinStatus } from '../../../../shared/api/lan-schemas';

const t = vi.officeNetwork;

export function JoinServer() {
  const [st, setSt] = useState<JoinStatus | null>(null);
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const sub = useSubmit();
  useEffect(() => {
    call('join.status', {}).then(setSt, () => undefined);
  }, []);
  if (!st?.available) return null;
  const connect = async (ev: React.FormEvent) => {
    ev.preventDefault();
    if (await sub.submit(() => call('join.connect', { address, shortCode: code }))) window.location.reload();
  };
  const leave = async () => {
    if (await sub.submit(() => call('join.disconnect', {}))) window.location.reload();
  };
  if (st.connected) {
    return (
      <div className="card join-server">
        <p className="small">{t.joined(st.origin ?? '', st.shortCode ?? '')}</p>
        <ErrorBox message={sub.error} />
        <button onClick={() => void leave()} disabled={sub.busy}>
          {t.leave}
        </button>
      </div>
    );
  }
  return (
    <details className="card join-server">
      <summary>{t.joinTitle}</summary>
      <form onSubmit={connect} noValidate aria-label={t.joinTitle}>
        <p className="muted small">{t.joinIntro}</p>
        <ErrorBox message={sub.error} />
        <Field label={t.joinAddress} hint={t.joinAddressHint} error={sub.fieldErrors['address']}>
          {(id, d) => <input id={id} aria-describedby={d} value={address} spellCheck={false} onChange={(e) => setAddress(e.target.value)} />}
        </Field>
        <Field label={t.joinCode} hint={t.joinCodeHint} error={sub.fieldErrors['shortCode']}>
          {(id, d) => <input id={id} aria-describedby={d} value={code} spellCheck={false} onChange={(e) => setCode(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={sub.busy}>
            {t.joinSubmit}
          </button>
        </div>
      </form>
    </details>
  );
}
