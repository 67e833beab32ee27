// Checking any package file (signature, certificate trust, every file's hash), browsing one that
// verified ("Gói đã mở"), and the certificates this office trusts.
import { useRef, useState } from 'react';
import { call, upload } from '../../api/client';
import { ErrorBox } from '../../components/form';
import { FileButton } from '../../components/FileButton';
import { useSubmit } from '../../components/useForm';
import { useLoad } from '../../components/useLoad';
import { PackageViewer } from '../../components/PackageViewer';
import { TrustResult, TrustedCertificates } from '../../components/TrustPanel';
import type { VerifyView } from '../../../../shared/api/package-api-schemas';
import { vi } from '../../../../shared/i18n/vi';
import { ReceivedList } from './ReceivedList';

const t = vi.packagesUi;

export function VerifySection({ canManage }: { canManage: boolean }) {
  const sub = useSubmit();
  const [report, setReport] = useState<VerifyView | null>(null);
  const [trustVersion, setTrustVersion] = useState(0);
  const received = useLoad(() => call('package.received', {}), []);
  const input = useRef<HTMLInputElement>(null);
  const show = (r: VerifyView | null) => {
    setReport(r);
    received.reload();
  };
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    setReport(null);
    const r = await sub.submit(async () => call('package.verify', { uploadId: (await upload(f)).uploadId }));
    if (r) show(r);
    if (input.current) input.current.value = '';
  };
  const reopen = async (packageKey: string) => {
    setReport(null);
    const r = await sub.submit(() => call('package.reopen', { packageKey }));
    if (r) show(r);
  };
  const forget = async (packageKey: string) => {
    if (await sub.submit(() => call('package.forget', { packageKey }))) show(report?.packageKey === packageKey ? null : report);
  };
  return (
    <>
      <section className="panel" aria-labelledby="verify-title">
        <h2 id="verify-title">{t.verifyTitle}</h2>
        <FileButton label={t.verifyFile} accept=".zip" inputRef={input} onFile={(f) => void onFile(f)} />
        <ErrorBox message={sub.error} />
        {report && (
          <TrustResult
            report={report}
            canManage={canManage}
            onTrusted={(r) => {
              show(r);
              setTrustVersion((n) => n + 1);
            }}
          />
        )}
      </section>
      {report?.ok && report.packageKey && <PackageViewer key={report.packageKey} view={report} />}
      <ReceivedList
        packages={received.data}
        current={report?.packageKey}
        busy={sub.busy}
        canManage={canManage}
        onReopen={(k) => void reopen(k)}
        onForget={(k) => void forget(k)}
      />
      <TrustedCertificates canManage={canManage} version={trustVersion} />
    </>
  );
}
