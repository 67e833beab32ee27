// A verified package, read-only: for a self-assessment the criteria tree (lĩnh vực → tiêu chí →
// tiêu chí thành phần) with points, N/A, status, explanations, review comments and each evidence
// document, opened from inside the verified package (package.openFile), never from the local
// database; for an exam round the results by person and step and the tallies by commune.
import { useMemo, useState } from 'react';
import { call, fileUrl } from '../api/client';
import { ErrorBox } from './form';
import { useSubmit } from './useForm';
import { CommuneTallyTable, PeopleResultsTable } from './ExamResultTables';
import { TrustBadge } from './TrustPanel';
import { formatBytes, formatDateTime, formatIsoDate, formatPoints } from '../../../shared/format';
import type { PackageCriterionView, PackageEvidenceView, PackageExamView, VerifyView } from '../../../shared/api/package-api-schemas';
import { vi } from '../../../shared/i18n/vi';

const t = vi.packageViewer;
const size = (n: number) => formatBytes(n);
const isoDateTime = (iso: string | null) => {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? formatDateTime(ms) : '';
};
/** ISO dates ('2023-10-05') or date-times from the package, as dd/mm/yyyy. */
const anyDate = (iso: string | null) => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatIsoDate(iso) : isoDateTime(iso));

function useOpenFile(packageKey: string | null) {
  const sub = useSubmit();
  const open = async (path: string) => {
    if (!packageKey) return;
    const f = await sub.submit(() => call('package.openFile', { packageKey, path }));
    if (f) window.open(fileUrl(f.fileId), '_blank', 'noopener');
  };
  return { open, error: sub.error, busy: sub.busy };
}

function EvidenceTable({ evidence, onOpen }: { evidence: PackageEvidenceView[]; onOpen: (path: string) => void }) {
  if (evidence.length === 0) return <p className="muted small">{t.noEvidence}</p>;
  return (
    <table className="table pkg-evidence" aria-label={t.evidence}>
      <thead>
        <tr>
          <th>{t.evidence}</th>
          <th>{t.docNumber}</th>
          <th>{t.docDate}</th>
          <th>{t.summary}</th>
          <th className="num">{t.size}</th>
          <th />
          <th />
        </tr>
      </thead>
      <tbody>
        {evidence.map((e) => (
          <tr key={e.path}>
            <td>
              <span className="filename">{e.fileName}</span>
            </td>
            <td>{e.docNumber ?? ''}</td>
            <td className="nowrap">{formatIsoDate(e.docDate)}</td>
            <td>{e.summary ?? ''}</td>
            <td className="num">{size(e.size)}</td>
            <td>
              {e.mediaType === 'application/pdf' ? (
                <span className={`badge ${e.pdfSigned ? 'badge--approved' : 'badge--returned'}`}>{e.pdfSigned ? t.signedPdf : t.unsignedPdf}</span>
              ) : (
                <span className="badge">{t.image}</span>
              )}
            </td>
            <td className="row-actions">
              {e.inPackage ? (
                <button onClick={() => onOpen(e.path)} aria-label={t.openNamed(e.fileName)}>
                  {t.open}
                </button>
              ) : (
                <span className="badge badge--returned">{t.notInPackage}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const scoreText = (c: PackageCriterionView) => {
  if (c.item?.notApplicable) return t.notApplicable;
  if (c.item && c.item.points !== null) return formatPoints(c.item.points);
  if (!c.isLeaf && c.total) return formatPoints(c.total.points);
  return '—';
};

function Criterion({ c, onOpen }: { c: PackageCriterionView; onOpen: (path: string) => void }) {
  const it = c.item;
  return (
    <div className={`pkg-criterion pkg-depth-${Math.min(c.depth, 3)}`} role="group" aria-label={`${c.code} ${c.title}`}>
      <div className="pkg-criterion__head">
        <span className="pkg-code">{c.code}</span>
        <span className="pkg-title">{c.title}</span>
        <span className="num" title={t.maxPoints}>
          {c.maxPoints !== null ? t.maxOnly(formatPoints(c.maxPoints)) : ''}
        </span>
        <span className="num pkg-score" data-testid={`score-${c.code}`} title={it ? t.selfScore : t.total}>
          {scoreText(c)}
        </span>
        <span>{it && <span className={`badge badge--${it.status}`}>{it.statusLabel}</span>}</span>
      </div>
      {it && (
        <div className="pkg-criterion__body">
          <dl className="facts small">
            {it.notApplicable && (
              <>
                <dt>{t.naReason}</dt>
                <dd>{it.naReason ?? ''}</dd>
              </>
            )}
            <dt>{t.explanation}</dt>
            <dd className="pre">{it.explanation || '—'}</dd>
            {it.reviewComment && (
              <>
                <dt>{t.reviewComment}</dt>
                <dd className="pre returned-note">{it.reviewComment}</dd>
              </>
            )}
            {it.assignee && (
              <>
                <dt>{t.assignee}</dt>
                <dd>{it.assignee}</dd>
              </>
            )}
          </dl>
          <EvidenceTable evidence={it.evidence} onOpen={onOpen} />
        </div>
      )}
    </div>
  );
}

function CriteriaTree({ criteria, onOpen }: { criteria: PackageCriterionView[]; onOpen: (path: string) => void }) {
  const areas = useMemo(() => {
    const out: { area: PackageCriterionView; nodes: PackageCriterionView[] }[] = [];
    for (const c of criteria) {
      if (c.depth === 0) out.push({ area: c, nodes: [] });
      else out[out.length - 1]?.nodes.push(c);
    }
    return out;
  }, [criteria]);
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const setAll = (v: boolean) => setOpen(Object.fromEntries(areas.map((a) => [a.area.code, v])));
  return (
    <section aria-label={t.criteria}>
      <div className="page-head">
        <h3>{t.criteria}</h3>
        <div className="row-actions">
          <button onClick={() => setAll(true)}>{t.expandAll}</button>
          <button onClick={() => setAll(false)}>{t.collapseAll}</button>
        </div>
      </div>
      {areas.map(({ area, nodes }) => (
        <details
          key={area.code}
          className="pkg-area"
          open={!!open[area.code]}
          onToggle={(e) => {
            const isOpen = e.currentTarget.open;
            if (isOpen !== !!open[area.code]) setOpen((o) => ({ ...o, [area.code]: isOpen }));
          }}
        >
          <summary>
            <span className="pkg-code">{area.code}</span> <span className="pkg-title">{area.title}</span>{' '}
            <span className="num">
              {area.total
                ? t.points(formatPoints(area.total.points), formatPoints(area.total.applicableMax))
                : area.maxPoints !== null
                  ? t.maxOnly(formatPoints(area.maxPoints))
                  : ''}
            </span>
          </summary>
          {open[area.code] && (
            <div className="pkg-area__body">
              {area.item && <Criterion c={area} onOpen={onOpen} />}
              {nodes.map((c) => (
                <Criterion key={c.code} c={c} onOpen={onOpen} />
              ))}
            </div>
          )}
        </details>
      ))}
    </section>
  );
}

function ExamResults({ exam }: { exam: PackageExamView }) {
  return (
    <>
      <dl className="facts">
        <dt>{t.office}</dt>
        <dd>{exam.office}</dd>
        <dt>{t.round}</dt>
        <dd>{exam.round.name}</dd>
        {exam.round.examDate && (
          <>
            <dt>{t.examDate}</dt>
            <dd>{anyDate(exam.round.examDate)}</dd>
          </>
        )}
        {exam.round.venue && (
          <>
            <dt>{t.venue}</dt>
            <dd>{exam.round.venue}</dd>
          </>
        )}
      </dl>
      <h3>{t.byCommune}</h3>
      <CommuneTallyTable communes={exam.communes} totals={exam.totals} />
      <h3>{t.byPerson}</h3>
      <PeopleResultsTable people={exam.people} />
      {exam.incidents.length > 0 && (
        <>
          <h3>{t.incidents}</h3>
          <ul>
            {exam.incidents.map((i, k) => (
              <li key={k}>
                {isoDateTime(i.at)} · {i.commune} · {t.step(i.step)} ({i.stepName}): {i.description}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The content of a package that verified and was kept (view.packageKey set). */
export function PackageViewer({ view }: { view: VerifyView }) {
  const files = useOpenFile(view.packageKey);
  const onOpen = (path: string) => void files.open(path);
  const c = view.content;
  return (
    <section className="panel" aria-labelledby="pkg-viewer-title" data-testid="package-viewer">
      <h2 id="pkg-viewer-title">{t.viewerTitle}</h2>
      <p className="muted small">{t.readOnly}</p>
      {/* Who signed, above the content: an unknown signer's content is shown, but never as valid. */}
      <p className={`alert ${view.trust.level === 'known' ? 'alert--ok' : 'alert--warn'}`} data-testid="viewer-trust">
        <TrustBadge level={view.trust.level} /> {view.trust.anchor?.name ?? view.trust.signer ?? ''}
      </p>
      {view.kind && (
        <p data-testid="viewer-kind">
          {vi.packageKinds.title}: <span className="badge">{vi.packageKinds.labels[view.kind]}</span>
        </p>
      )}
      <ErrorBox message={files.error} />
      {view.contentError && <div className="alert alert--warn">{view.contentError}</div>}
      {c && (
        <dl className="facts">
          <dt>{t.office}</dt>
          <dd>{c.office}</dd>
          <dt>{vi.packagesUi.assessment}</dt>
          <dd>
            {vi.app.yearOf(c.year)} — {c.criteriaSet}
          </dd>
          <dt>{t.total}</dt>
          <dd>
            <strong data-testid="package-total">{t.points(formatPoints(c.points), formatPoints(c.applicableMax))}</strong>
            {c.percent !== null ? ` (${formatPoints(c.percent)}%)` : ''}
          </dd>
          {c.band && (
            <>
              <dt>{t.rating}</dt>
              <dd>{c.band}</dd>
            </>
          )}
        </dl>
      )}
      {view.exam && <ExamResults exam={view.exam} />}
      {view.documents.length > 0 && (
        <>
          <h3>{t.documents}</h3>
          <ul className="pkg-documents">
            {view.documents.map((d) => (
              <li key={d.path}>
                <span className="filename">{d.path.replace(/^data\//, '')}</span> <span className="muted small">{size(d.size)}</span>{' '}
                <button onClick={() => onOpen(d.path)} aria-label={t.openNamed(d.path.replace(/^data\//, ''))}>
                  {t.open}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {c && <CriteriaTree criteria={c.criteria} onOpen={onOpen} />}
    </section>
  );
}
