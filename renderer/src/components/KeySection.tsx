// The office's signing key on "Gói hồ sơ": its certificate, creating a key (asking first when one
// exists, since the old certificate is then needed to check packages signed before) or importing a .p12.
import { useRef, useState } from 'react';
import { call, upload } from '../api/client';
import { ErrorBox, Field, Notice } from './form';
import { FileButton } from './FileButton';
import { useSubmit } from './useForm';
import { useLoad } from './useLoad';
import { formatDate } from '../../../shared/format';
import { vi } from '../../../shared/i18n/vi';

const t = vi.packagesUi;

export function KeySection({ canManage, onChange }: { canManage: boolean; onChange?: () => void }) {
  const { data, reload, error: loadError } = useLoad(() => call('keys.status', {}), []);
  const [pass, setPass] = useState('');
  const [p12Pass, setP12Pass] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const p12 = useRef<HTMLInputElement>(null);
  const sub = useSubmit();
  const create = async () => {
    // Replacing a key changes who the office's next packages are signed by: ask first, and say what happens to the old one.
    if (data?.present && !confirming) return setConfirming(true);
    setConfirming(false);
    setCreated(null);
    const old = data?.certificate?.fingerprint;
    if (await sub.submit(() => call('keys.create', { passphrase: pass || undefined, replace: !!data?.present }))) {
      setPass('');
      setCreated(old ? vi.daily.keys.replaced(old.slice(0, 23)) : vi.daily.keys.created);
      reload();
      onChange?.();
    }
  };
  const importP12 = async (f: File | undefined) => {
    if (!f) return;
    if (await sub.submit(async () => call('keys.import', { uploadId: (await upload(f)).uploadId, p12Password: p12Pass, passphrase: pass || undefined }))) {
      setPass('');
      setP12Pass('');
      reload();
      onChange?.();
    }
    if (p12.current) p12.current.value = '';
  };
  const c = data?.certificate;
  return (
    <section className="panel" aria-labelledby="key-title">
      <h2 id="key-title">{t.keyTitle}</h2>
      <ErrorBox message={sub.error} />
      <Notice message={created} />
      {/* Unreachable back end: say so, never "no key yet" (which would invite making a second key). */}
      <ErrorBox message={loadError ? vi.daily.keys.statusFailed(loadError) : null} />
      {c ? (
        <dl className="facts">
          <dt>{t.holder}</dt>
          <dd>
            {c.holder} {c.selfIssued && <span className="badge">{t.selfIssued}</span>}
          </dd>
          <dt>{t.issuer}</dt>
          <dd>{c.issuer}</dd>
          <dt>{t.validity}</dt>
          <dd>
            {formatDate(c.notBefore)} → {formatDate(c.notAfter)} {c.expired && <span className="badge badge--returned">{t.expired}</span>}
          </dd>
          <dt>{t.fingerprint}</dt>
          <dd>
            <code className="small">{c.fingerprint}</code>
          </dd>
          {data?.protector && (
            <>
              <dt>{t.protection}</dt>
              <dd>{t.protectors[data.protector]}</dd>
            </>
          )}
        </dl>
      ) : data ? (
        <p className="muted">{t.noKey}</p>
      ) : null}
      {c?.warning && <div className="alert alert--warn">{c.warning}</div>}
      {canManage && (
        <div className="grid2">
          {data?.keychainAvailable ? (
            <p className="muted small">{t.keychainHint}</p>
          ) : (
            <Field label={t.passphrase} hint={t.passphraseHint} error={sub.fieldErrors['passphrase']}>
              {(id, d) => (
                <input id={id} aria-describedby={d} type="password" value={pass} onChange={(e) => setPass(e.target.value)} autoComplete="new-password" />
              )}
            </Field>
          )}
          <Field label={t.p12Password}>
            {(id) => <input id={id} type="password" value={p12Pass} onChange={(e) => setP12Pass(e.target.value)} autoComplete="off" />}
          </Field>
          <div className="row-actions">
            <button className="primary" onClick={() => void create()} disabled={sub.busy || !data || confirming}>
              {t.createKey}
            </button>
            <FileButton label={t.importKey} accept=".p12,.pfx" inputRef={p12} onFile={(f) => void importP12(f)} />
          </div>
        </div>
      )}
      {confirming && (
        <div className="alert alert--warn" role="alertdialog" aria-labelledby="key-replace-title" aria-describedby="key-replace-text">
          <strong id="key-replace-title">{vi.daily.keys.confirmTitle}</strong>
          <p id="key-replace-text">{vi.daily.keys.confirmText}</p>
          <div className="row-actions">
            <button className="primary" onClick={() => void create()} autoFocus>
              {vi.daily.keys.confirmYes}
            </button>
            <button onClick={() => setConfirming(false)}>{vi.app.cancel}</button>
          </div>
        </div>
      )}
    </section>
  );
}
