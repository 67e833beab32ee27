// The packages built for one record (an exam round, an inspection report, a course), on that
// record's own page: file name, when, size, files, the start of its SHA-256, where it stands in the
// outbox, and "Gửi lên tỉnh" when the province is connected and it is not queued yet.
import { OutboxState, SendToProvinceButton } from './OutboxPanel';
import { useSync } from './useSync';
import { formatBytes, formatDateTime } from '../../../shared/format';
import { vi } from '../../../shared/i18n/vi';
import type { PackageView } from '../../../shared/api/package-api-schemas';

export function RecordPackages({ packages, label }: { packages: PackageView[]; label: string }) {
  const sync = useSync();
  const connected = sync.data?.connection != null;
  if (packages.length === 0) return null;
  return (
    <table className="table compact" aria-label={label}>
      <tbody>
        {packages.map((p) => {
          const row = sync.data?.outbox.find((o) => o.sha256 === p.sha256);
          return (
            <tr key={p.id}>
              <td>
                <strong className="filename">{p.fileName}</strong>
                <div className="muted small">
                  {formatDateTime(p.createdAt)} · {formatBytes(p.size)} · {vi.packagesUi.filesCount(p.payloadFiles)} · sha256 {p.sha256.slice(0, 16)}…
                </div>
                {row && <OutboxState row={row} live={sync.live[row.id]} />}
              </td>
              <td className="row-actions">{connected && !row && <SendToProvinceButton packageId={p.id} sha256={p.sha256} />}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
