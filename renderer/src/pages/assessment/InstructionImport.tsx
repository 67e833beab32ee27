// "Nhập văn bản chỉ đạo…": opens a supplementary window from the province's signed instruction
// file; the backend checks the signature against the receiver certificate pinned at enrollment.
import { useRef, useState } from 'react';
import { call, upload } from '../../api/client';
import { ErrorBox, Notice } from '../../components/form';
import { FileButton } from '../../components/FileButton';
import { useSubmit } from '../../components/useForm';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.instruction;

export function InstructionImport({ assessmentId, onDone }: { assessmentId: number; onDone: () => void }) {
  const sub = useSubmit();
  const [done, setDone] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    setDone(null);
    const r = await sub.submit(async () => call('assessment.importInstruction', { assessmentId, uploadId: (await upload(f)).uploadId }));
    if (input.current) input.current.value = '';
    if (r) {
      setDone(t.imported(r.supplementary.at(-1)?.instructionRef ?? ''));
      onDone();
    }
  };
  return (
    <div className="instruction-import">
      <h3>{t.importTitle}</h3>
      <p className="muted small">{t.importHint}</p>
      <ErrorBox message={sub.error} />
      <Notice message={done} />
      <FileButton label={t.importButton} accept=".json,application/json" inputRef={input} disabled={sub.busy} onFile={(f) => void onFile(f)} />
    </div>
  );
}
