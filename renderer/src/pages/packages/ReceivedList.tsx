// Packages opened here before (Gói đã mở): each can be opened again from the office's copy, or
// forgotten by a manager.
import { TrustBadge } from '../../components/TrustPanel';
import { formatBytes, formatDateTime } from '../../../../shared/format';
import type { Output } from '../../../../shared/api/contract';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.packagesUi;
const v = vi.packageViewer;

export function ReceivedList({
  packages,
  current,
  busy,
  canManage,
  onReopen,
  onForget,
}: {
  packages: Output<'package.received'> | null;
  current: string | null | undefined;
  busy: boolean;
  canManage: boolean;
  onReopen: (packageKey: string) => void;
  onForget: (packageKey: string) => void;
}) {
  return (
    <section className="panel" aria-labelledby="received-title">
      <h2 id="received-title">{v.receivedTitle}</h2>
      <p className="muted small">{v.receivedIntro}</p>
      {packages?.length === 0 && <p className="muted">{v.noReceived}</p>}
      {packages && packages.length > 0 && (
        <table className="table">
          <tbody>
            {packages.map((p) => (
              <tr key={p.packageKey} aria-current={current === p.packageKey ? 'true' : undefined}>
                <td>
                  <strong>{p.title}</strong> <TrustBadge level={p.trust} />
                  <div className="muted small">
                    <span className="filename">{p.fileName}</span> · {formatBytes(p.size)} · {p.signer ? `${t.signedBy}: ${p.signer} · ` : ''}
                    {v.openedAt} {formatDateTime(p.openedAt)}
                  </div>
                </td>
                <td className="row-actions">
                  <button onClick={() => onReopen(p.packageKey)} disabled={busy} aria-label={`${v.reopen} ${p.fileName}`}>
                    {v.reopen}
                  </button>
                  {canManage && (
                    <button onClick={() => onForget(p.packageKey)} disabled={busy} aria-label={`${v.forget} ${p.fileName}`}>
                      {v.forget}
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
