// Who signed a package, shown the same way everywhere (DESIGN §7 "Trust"), in words and with an
// icon, never by colour alone: known (green, the anchor named), unknown (amber warning, the
// fingerprint in groups to read over the phone, "Tin cậy chứng thư này" for leaders after a
// confirm), invalid (red, each reason). Also the list of trusted certificates.
import { useRef } from 'react';
import { call, upload } from '../api/client';
import { ErrorBox } from './form';
import { FileButton } from './FileButton';
import { useSubmit } from './useForm';
import { useLoad } from './useLoad';
import { formatDateTime } from '../../../shared/format';
import type { ReceivedPackageView, TrustView, VerifyView } from '../../../shared/api/package-api-schemas';
import { vi } from '../../../shared/i18n/vi';

const t = vi.trust;
const ALERT = { known: 'alert--ok', unknown: 'alert--warn', invalid: 'alert--error' } as const;

/** The level in words with its icon (for lists). */
export function TrustBadge({ level }: { level: TrustView['level'] | ReceivedPackageView['trust'] }) {
  const l = level ?? 'unknown';
  return (
    <span className={`trust-badge trust-badge--${l}`} data-trust={l}>
      <span aria-hidden="true">{t.icon[l]}</span> {t.level[l]}
    </span>
  );
}

/** The grouped fingerprint, one group per cell, for reading aloud. */
export function FingerprintGroups({ groups }: { groups: string[] }) {
  return (
    <div>
      <div className="small">{t.fingerprintLabel}:</div>
      <code className="fingerprint" data-testid="signer-fingerprint">
        {groups.join(' ')}
      </code>
    </div>
  );
}

/** The outcome box of a checked package; `onTrusted` is called with the reopened view after trusting. */
export function TrustResult({ report, canManage, onTrusted }: { report: VerifyView; canManage: boolean; onTrusted: (v: VerifyView) => void }) {
  const sub = useSubmit();
  const tr = report.trust;
  const trust = async () => {
    if (!report.packageKey || !tr.fingerprint) return;
    if (!window.confirm(t.trustConfirm(tr.signer ?? '', tr.fingerprintGroups.join(' ')))) return;
    const key = report.packageKey;
    const fingerprint = tr.fingerprint;
    const added = await sub.submit(() => call('trust.add', { packageKey: key, fingerprint }));
    if (!added) return;
    const again = await sub.submit(() => call('package.reopen', { packageKey: key }));
    if (again) onTrusted(again);
  };
  return (
    <div className={`alert ${ALERT[tr.level]}`} role="status" data-testid="verify-result" data-trust={tr.level}>
      <strong>
        <span aria-hidden="true">{t.icon[tr.level]}</span> {report.message}
      </strong>
      {report.problems.length > 0 && (
        <ul>
          {report.problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      {report.signer && (
        <div>
          {vi.packagesUi.signedBy}: {report.signer.holder} ({report.signer.issuer}) · {vi.packagesUi.signedAt}:{' '}
          {report.signingTime ? formatDateTime(report.signingTime) : ''}
        </div>
      )}
      {tr.anchor && (
        <div>
          {t.anchorLabel}: {tr.anchor.name} ({t.source[tr.anchor.source] ?? tr.anchor.source})
        </div>
      )}
      {tr.notes.map((n, i) => (
        <p key={i} className={i === 0 && tr.sameNameAs ? 'trust-samename' : undefined}>
          <span aria-hidden="true">{t.icon.unknown}</span> {n}
        </p>
      ))}
      {tr.level === 'unknown' && tr.fingerprintGroups.length > 0 && <FingerprintGroups groups={tr.fingerprintGroups} />}
      {tr.canTrust && canManage && report.packageKey && (
        <p>
          <button onClick={() => void trust()} disabled={sub.busy}>
            {t.trustButton}
          </button>
        </p>
      )}
      <ErrorBox message={sub.error} />
    </div>
  );
}

/** "Chứng thư tin cậy": the office's current certificate and the trusted ones; leaders add (from a file) and remove. */
export function TrustedCertificates({ canManage, version }: { canManage: boolean; version: number }) {
  const list = useLoad(() => call('trust.list', {}), [version]);
  const sub = useSubmit();
  const input = useRef<HTMLInputElement>(null);
  const remove = async (fingerprint: string, name: string) => {
    if (!window.confirm(t.removeConfirm(name))) return;
    if (await sub.submit(() => call('trust.remove', { fingerprint }))) list.reload();
  };
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    if (await sub.submit(async () => call('trust.add', { uploadId: (await upload(f)).uploadId }))) list.reload();
    if (input.current) input.current.value = '';
  };
  return (
    <section className="panel" aria-labelledby="trusted-title">
      <h2 id="trusted-title">{t.listTitle}</h2>
      <p className="muted small">{t.listIntro}</p>
      <ErrorBox message={sub.error ?? list.error} />
      {list.data?.length === 0 && <p className="muted">{t.listEmpty}</p>}
      {list.data && list.data.length > 0 && (
        <table className="table" aria-label={t.listTitle}>
          <thead>
            <tr>
              <th>{t.columns.name}</th>
              <th>{t.columns.source}</th>
              <th>{t.columns.fingerprint}</th>
              <th>{t.columns.addedAt}</th>
              <th>{t.columns.actions}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((c) => (
              <tr key={c.fingerprint}>
                <td>
                  {c.name}
                  {c.current && <div className="muted small">{t.currentOffice}</div>}
                </td>
                <td>{t.source[c.source] ?? c.source}</td>
                <td>
                  <code className="fingerprint small">
                    {c.fingerprint
                      .toUpperCase()
                      .match(/.{1,4}/g)
                      ?.join(' ')}
                  </code>
                </td>
                <td>{formatDateTime(c.addedAt)}</td>
                <td className="row-actions">
                  {canManage && !c.current && (
                    <button onClick={() => void remove(c.fingerprint, c.name)} disabled={sub.busy}>
                      {t.remove}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && <FileButton label={t.importFile} accept=".pem,.cer,.crt,.der" inputRef={input} onFile={(f) => void onFile(f)} />}
    </section>
  );
}
