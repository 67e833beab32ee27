// One inspection: its record (plan, method, visit date, due date), the report drafted from the
// outline with each item's text and documents, the late dossiers and the digitisation figure,
// and the PDF export.
import { useState } from 'react';
import { call, fileUrl } from '../../api/client';
import { ErrorBox, Field } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { useLoad } from '../../components/useLoad';
import { vi } from '../../../../shared/i18n/vi';
import { formatIsoDate } from '../../../../shared/vn-time';
import type { InspectionDetail } from '../../../../shared/api/inspection-schemas';
import { ItemCard } from './ItemCard';
import { SignedPackage } from './SignedPackage';

const t = vi.inspection;

function LateDossiers({ detail, onChange }: { detail: InspectionDetail; onChange: (d: InspectionDetail) => void }) {
  const initial = detail.late
    .map((d) => [d.dossierCode, d.apologyNumber ?? '', d.apologyDate ? formatIsoDate(d.apologyDate) : ''].join('; ').replace(/(; )+$/, ''))
    .join('\n');
  const [lines, setLines] = useState(initial);
  const { busy, error, submit } = useSubmit();
  const [issues, setIssues] = useState<string[]>([]);
  const save = async () => {
    setIssues([]);
    const r = await submit(() =>
      call('inspection.setLate', { id: detail.inspection.id, lines }).catch((e: { issues?: { message: string }[] }) => {
        setIssues((e.issues ?? []).map((i) => i.message));
        throw e;
      }),
    );
    if (r) onChange(r);
  };
  return (
    <section className="panel" aria-labelledby="late-title">
      <h3 id="late-title">{t.lateTitle}</h3>
      <p className="muted">{t.lateHint}</p>
      <ErrorBox message={issues.length ? issues.join(' ') : error} />
      <textarea aria-labelledby="late-title" rows={4} value={lines} onChange={(e) => setLines(e.target.value)} />
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void save()}>
          {t.save}
        </button>
      </div>
      {detail.lateProblems.length > 0 && (
        <ul className="alert alert--warn" aria-label={t.lateTitle}>
          {detail.lateProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Incoming({ detail, isLeader, onChange }: { detail: InspectionDetail; isLeader: boolean; onChange: (d: InspectionDetail) => void }) {
  const [total, setTotal] = useState(detail.incomingTotal?.toString() ?? '');
  const [done, setDone] = useState(detail.incomingDigitised?.toString() ?? '');
  const { busy, error, fieldErrors, submit } = useSubmit();
  const i = detail.inspection;
  const num = (s: string) => (s.trim() === '' ? null : Number(s));
  const save = async () => {
    const r = await submit(() =>
      call('inspection.update', {
        id: i.id,
        year: i.year,
        planNumber: i.planNumber,
        planDate: i.planDate,
        method: i.method,
        visitDate: i.visitDate,
        incomingTotal: num(total),
        incomingDigitised: num(done),
      }),
    );
    if (r) onChange(r);
  };
  return (
    <section className="panel" aria-labelledby="incoming-title">
      <h3 id="incoming-title">{t.incomingTitle}</h3>
      <ErrorBox message={error} />
      <div className="grid2">
        <Field label={t.incomingTotal} error={fieldErrors['incomingTotal']}>
          {(id, d) => <input id={id} aria-describedby={d} inputMode="numeric" value={total} disabled={!isLeader} onChange={(e) => setTotal(e.target.value)} />}
        </Field>
        <Field label={t.incomingDigitised} error={fieldErrors['incomingDigitised']}>
          {(id, d) => <input id={id} aria-describedby={d} inputMode="numeric" value={done} disabled={!isLeader} onChange={(e) => setDone(e.target.value)} />}
        </Field>
      </div>
      {isLeader && (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => void save()}>
            {t.save}
          </button>
        </div>
      )}
      {detail.incomingPercent !== null && <p>{t.incomingPercent(detail.incomingPercent)}</p>}
      {detail.incomingWarning && (
        <p className="alert alert--warn" role="status">
          {detail.incomingWarning}
        </p>
      )}
    </section>
  );
}

export function InspectionPage({ id, isLeader }: { id: number; isLeader: boolean }) {
  const { data, setData, error } = useLoad(() => call('inspection.get', { id }), [id]);
  const lib = useLoad(() => call('inspection.library', {}), []);
  const exp = useSubmit();
  const [link, setLink] = useState<{ href: string; name: string } | null>(null);
  if (error) return <ErrorBox message={error} />;
  if (!data) return null;
  const i = data.inspection;
  const exportPdf = async () => {
    const f = await exp.submit(() => call('inspection.export', { id, format: 'pdf' }));
    if (f) setLink({ href: fileUrl(f.fileId), name: f.fileName });
  };
  return (
    <section aria-labelledby="inspection-title">
      <div className="page-head">
        <h1 id="inspection-title">
          {t.title}: {i.planNumber} ({i.year})
        </h1>
        <button className="primary" disabled={exp.busy} onClick={() => void exportPdf()}>
          {t.exportPdf}
        </button>
      </div>
      <ErrorBox message={exp.error} />
      {link && (
        <p>
          <a href={link.href} download={link.name}>
            {link.name}
          </a>
        </p>
      )}
      <dl className="facts">
        <dt>{t.method}</dt>
        <dd>{t.methods[i.method]}</dd>
        <dt>{t.visitDate}</dt>
        <dd>{formatIsoDate(i.visitDate) || vi.app.none}</dd>
        <dt>{t.dueDate}</dt>
        <dd data-testid="due-date">{i.dueDate ? `${formatIsoDate(i.dueDate)} — ${t.daysLeft(i.daysLeft ?? 0)}` : t.noDue}</dd>
      </dl>
      {data.warnings.map((w) => (
        <p key={w} className="alert alert--warn" role="status">
          {w}
        </p>
      ))}
      {data.lines.map((l) =>
        l.kind === 'heading' ? (
          l.level === 1 ? (
            <h2 key={`h-${l.key}`}>
              {l.key}. {l.title}
            </h2>
          ) : (
            <h3 key={`h-${l.key}`}>
              {l.key}. {l.title}
            </h3>
          )
        ) : (
          <div key={`i-${l.key}`}>
            <ItemCard id={id} item={l} library={lib.data ?? []} onChange={setData} />
            {l.check === 'apologyPerDossier' && <LateDossiers detail={data} onChange={setData} />}
            {l.check === 'incomingDigitised' && <Incoming detail={data} isLeader={isLeader} onChange={setData} />}
          </div>
        ),
      )}
      {isLeader && (
        <SignedPackage
          kind="inspection"
          refId={id}
          build={(passphrase) => call('inspection.buildPackage', { id, ...(passphrase !== undefined ? { passphrase } : {}) })}
        />
      )}
    </section>
  );
}
