// Builds a signed package (the inspection report or a course's test results) on the record's own
// page. The package is recorded under Gói hồ sơ like every other, so it is downloaded here, written
// to a stick from there, or — with the province connected — sent through the outbox: "Gửi lên tỉnh"
// beside each package built for this record (queued as it is), "Ký và gửi lên tỉnh" to sign and
// queue in one go. Without a connection it says the package must go by USB. The package list and
// the outbox are the office's (leaders, admins); others only build and download. Asks the signing
// passphrase only when the key is sealed with one.
import { useState } from 'react';
import { call, fileUrl } from '../../api/client';
import { ErrorBox, Notice } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { useLoad } from '../../components/useLoad';
import { useSync } from '../../components/useSync';
import { RecordPackages } from '../../components/RecordPackages';
import { SigningPassphraseField, useSigningNeedsPassphrase } from '../../components/SigningPassphrase';
import { useApp } from '../../store';
import { vi } from '../../../../shared/i18n/vi';
import type { BuiltPackageFile } from '../../../../shared/api/package-api-schemas';

const t = vi.packageKinds.ui;

export function SignedPackage({
  kind,
  refId,
  build,
}: {
  kind: 'inspection' | 'training';
  refId: number;
  build: (passphrase: string | undefined) => Promise<BuiltPackageFile>;
}) {
  const roles = useApp((st) => st.session?.user.roles ?? []);
  const canSend = roles.includes('leader') || roles.includes('admin');
  const packages = useLoad(() => (canSend ? call('package.list', {}) : Promise.resolve([])), [canSend]);
  const sync = useSync();
  const connected = sync.data?.connection != null;
  const needs = useSigningNeedsPassphrase();
  const [pass, setPass] = useState('');
  const [link, setLink] = useState<BuiltPackageFile | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit();
  const run = async (andSend: boolean) => {
    setLink(null);
    setNotice(null);
    const f = await submit(async () => {
      const built = await build(needs ? pass : undefined);
      if (andSend) await call('sync.queue', { packageId: built.packageId });
      return built;
    });
    if (f) {
      setLink(f);
      setPass('');
      setNotice(andSend ? t.queued(f.fileName) : t.built(f.fileName));
      packages.reload();
      sync.reload();
    }
  };
  const mine = (packages.data ?? []).filter((p) => p.kind === kind && p.refId === refId);
  return (
    <section className="panel" aria-labelledby={`signed-${kind}-title`} data-testid="signed-package">
      <h2 id={`signed-${kind}-title`}>
        {vi.packageKinds.labels[kind]}: {t.build.toLowerCase()}
      </h2>
      <p className="muted small">{t.note}</p>
      <ErrorBox message={error} />
      <SigningPassphraseField needed={needs} value={pass} onChange={setPass} />
      <div className="actions start">
        <button type="button" className={connected && canSend ? undefined : 'primary'} disabled={busy || (needs && !pass)} onClick={() => void run(false)}>
          {t.build}
        </button>
        {connected && canSend && (
          <button type="button" className="primary" disabled={busy || (needs && !pass)} onClick={() => void run(true)}>
            {t.signAndSend}
          </button>
        )}
        {link && (
          <a href={fileUrl(link.fileId)} download={link.fileName}>
            {link.fileName}
          </a>
        )}
      </div>
      {canSend && sync.data && (
        <p className={connected ? 'muted small' : 'alert alert--warn'} data-testid="package-delivery">
          {connected ? t.sendHint : t.usbOnly}
        </p>
      )}
      <Notice message={notice} />
      <RecordPackages packages={mine} label={t.listTitle} />
      {canSend && (mine.length > 0 || notice) && (
        <p>
          <a href="#/packages">{t.toPackages}</a>
        </p>
      )}
    </section>
  );
}
