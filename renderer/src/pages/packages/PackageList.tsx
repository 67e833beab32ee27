// The office's packages: download, copy to a memory stick (the drives found, or a folder typed),
// the manual-upload export, and sending to the province.
import { useState } from 'react';
import { call, fileUrl } from '../../api/client';
import { ErrorBox, Field } from '../../components/form';
import { useLoad } from '../../components/useLoad';
import { SendToProvinceButton } from '../../components/OutboxPanel';
import type { useSubmit } from '../../components/useForm';
import { formatBytes, formatDateTime } from '../../../../shared/format';
import type { Output } from '../../../../shared/api/contract';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.packagesUi;

export function PackageList({
  canManage,
  packages,
  assessmentId,
  sub,
  say,
  clearBlocked,
}: {
  canManage: boolean;
  packages: { data: Output<'package.list'> | null; error: string | null };
  assessmentId: string;
  sub: ReturnType<typeof useSubmit>;
  say: (notice: string | null) => void;
  clearBlocked: () => void;
}) {
  const drives = useLoad(() => (canManage ? call('package.drives', { extraFolders: [] }) : Promise.resolve([])), [canManage]);
  const [dest, setDest] = useState('');
  const [links, setLinks] = useState<Record<number, string>>({});
  const download = async (packageId: number) => {
    clearBlocked();
    const f = await sub.submit(() => call('package.download', { packageId }));
    if (f) setLinks((l) => ({ ...l, [packageId]: fileUrl(f.fileId) }));
  };
  const toDrive = async (packageId: number) => {
    say(null);
    clearBlocked();
    const r = await sub.submit(() => call('package.exportToDrive', { packageId, destDir: dest }));
    if (r) say(t.exported(r.path));
  };
  const manual = async () => {
    say(null);
    clearBlocked();
    const r = await sub.submit(() => call('package.exportManual', { assessmentId: Number(assessmentId), destDir: dest }));
    if (r) say(t.manualDone(r.folder, r.files));
  };
  return (
    <section className="panel" aria-labelledby="list-title">
      <h2 id="list-title">{t.list}</h2>
      {canManage && (
        <div className="grid2">
          <Field label={t.drives}>
            {(id) => (
              <select id={id} value={dest} onChange={(e) => setDest(e.target.value)}>
                <option value="">—</option>
                {drives.data?.map((d) => (
                  <option key={d.path} value={d.path}>
                    {d.label} — {d.freeBytes !== null ? `${formatBytes(d.freeBytes)} ${t.free}` : ''} {d.fat32 ? t.fat32Note : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t.folder}>{(id) => <input id={id} value={dest} onChange={(e) => setDest(e.target.value)} spellCheck={false} />}</Field>
          <div className="row-actions">
            <button onClick={drives.reload}>{t.refresh}</button>
            <button onClick={() => void manual()} disabled={!dest || !assessmentId || sub.busy}>
              {t.manual}
            </button>
          </div>
        </div>
      )}
      {drives.data?.length === 0 && canManage && <p className="muted small">{t.noDrives}</p>}
      <ErrorBox message={packages.error} />
      {packages.data?.length === 0 && <p>{t.noPackages}</p>}
      {packages.data && packages.data.length > 0 && (
        <table className="table">
          <tbody>
            {packages.data.map((p) => (
              <tr key={p.id}>
                <td>
                  <span className="badge">{vi.packageKinds.labels[p.kind]}</span> <strong className="filename">{p.fileName}</strong>
                  <div className="muted small">
                    {formatDateTime(p.createdAt)} · {formatBytes(p.size)} · {t.filesCount(p.payloadFiles)} · sha256 {p.sha256.slice(0, 16)}…
                  </div>
                </td>
                <td className="row-actions">
                  {links[p.id] ? (
                    <a href={links[p.id]} download={p.fileName}>
                      {p.fileName}
                    </a>
                  ) : (
                    <button onClick={() => void download(p.id)}>{t.download}</button>
                  )}
                  {canManage && (
                    <button onClick={() => void toDrive(p.id)} disabled={!dest || sub.busy}>
                      {t.toDrive}
                    </button>
                  )}
                  {canManage && <SendToProvinceButton packageId={p.id} sha256={p.sha256} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
