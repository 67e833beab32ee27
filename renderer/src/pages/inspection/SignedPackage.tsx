// Builds a signed package (inspection report or training results) and offers the zip for download
// to a USB stick; asks the signing passphrase only when the key is sealed with one.
import { useState } from 'react';
import { fileUrl } from '../../api/client';
import { ErrorBox } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { SigningPassphraseField, useSigningNeedsPassphrase } from '../../components/SigningPassphrase';
import { vi } from '../../../../shared/i18n/vi';
import type { FileRef } from '../../../../shared/api/assessment-schemas';

export function SignedPackage({ build }: { build: (passphrase: string | undefined) => Promise<FileRef> }) {
  const needs = useSigningNeedsPassphrase();
  const [pass, setPass] = useState('');
  const [link, setLink] = useState<FileRef | null>(null);
  const { busy, error, submit } = useSubmit();
  const run = async () => {
    setLink(null);
    const f = await submit(() => build(needs ? pass : undefined));
    if (f) setLink(f);
  };
  return (
    <section className="panel" aria-label={vi.inspection.buildPackage}>
      <p className="muted">{vi.inspection.packageNote}</p>
      <ErrorBox message={error} />
      <SigningPassphraseField needed={needs} value={pass} onChange={setPass} />
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void run()}>
          {vi.inspection.buildPackage}
        </button>
        {link && (
          <a href={fileUrl(link.fileId)} download={link.fileName}>
            {link.fileName}
          </a>
        )}
      </div>
    </section>
  );
}
