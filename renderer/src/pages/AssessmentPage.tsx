import { useMemo, useState } from 'react';
import { progressOf, useItemEvents } from './assessment/live-progress';
import { call, fileUrl } from '../api/client';
import { ErrorBox, Field } from '../components/form';
import { Downloads, IssueList } from '../components/lists';
import { useSubmit } from '../components/useForm';
import { useLoad } from '../components/useLoad';
import { Progress } from './AssessmentsPage';
import { ItemEditor } from './ItemEditor';
import { SendReport } from '../components/SendReport';
import { PrecheckTab } from './assessment/PrecheckTab';
import { AppraisalTab } from './appraisal/AppraisalTab';
import { PlanTab } from './appraisal/PlanTab';
import { AssignTab } from './assessment/AssignTab';
import { FoldButton, TreeFilterBar, useCriteriaTree } from '../components/criteria-tree';
import { InstructionImport } from './assessment/InstructionImport';
import { formatDateTime, formatPoints } from '../../../shared/format';
import { parseVnDateTime } from '../../../shared/vn-time';
import { DateTimeInput } from '../components/DateTimeInput';
import type { AssessmentDetail, ItemView, TotalsView } from '../../../shared/api/assessment-schemas';
import { vi } from '../../../shared/i18n/vi';

const t = vi.ui;

export function TotalsLine({ totals }: { totals: TotalsView }) {
  const o = totals.overall;
  return (
    <div className="totals" aria-label={t.totals}>
      <strong data-testid="total-points">{formatPoints(o.points)}</strong> {t.of} {formatPoints(o.applicableMax)} {t.pointsUnit}
      {o.percent !== null && <> ({formatPoints(o.percent)}%)</>}
      {totals.band && (
        <>
          {' '}
          — {t.rating}: <strong data-testid="rating">{totals.band}</strong>
        </>
      )}
    </div>
  );
}

const statusLabel = (i: ItemView) => (i.notApplicable && i.status === 'todo' ? t.itemStatus.todo : t.itemStatus[i.status]);

function TreeTab({ d, base }: { d: AssessmentDetail; base: string }) {
  const items = useMemo(() => new Map(d.items.map((i) => [i.criterionCode, i])), [d.items]);
  const tree = useCriteriaTree(d.nodes, items);
  return (
    <>
      <TreeFilterBar tree={tree} total={d.nodes.length} people={d.people} />
      <table className="table tree">
        <thead>
          <tr>
            <th>{t.code}</th>
            <th>{t.criterion}</th>
            <th className="num">{t.maxPoints}</th>
            <th className="num">{t.selfPoints}</th>
            <th>{t.assignee}</th>
            <th>{t.status}</th>
          </tr>
        </thead>
        <tbody>
          {tree.visible.map((n) => {
            const it = items.get(n.code);
            const tot = d.totals.byCode[n.code];
            return (
              <tr key={n.code} className={`level-${n.level}${it ? ` status-${it.status}` : ''}`} data-code={n.code}>
                <td className="nowrap">
                  <FoldButton tree={tree} node={n} />
                  {n.code}
                </td>
                <td style={{ paddingLeft: `${0.65 + (n.level - 1) * 1.2}rem` }}>{it ? <a href={`${base}/item/${it.id}`}>{n.title}</a> : n.title}</td>
                <td className="num">{n.maxPoints === null ? '?' : formatPoints(n.maxPoints)}</td>
                <td className="num">
                  {it ? (it.notApplicable ? 'KPS' : it.points === null ? '' : formatPoints(it.points)) : tot ? formatPoints(tot.points) : ''}
                </td>
                <td>{it ? (it.assigneeName ?? <span className="muted">{t.unassigned}</span>) : ''}</td>
                <td>{it && <span className={`badge badge--${it.status}`}>{statusLabel(it)}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

function SummaryTab({ d, isLeader, onChange }: { d: AssessmentDetail; isLeader: boolean; onChange: () => void }) {
  const sub = useSubmit();
  const [links, setLinks] = useState<{ href: string; name: string }[]>([]);
  const a = d.assessment;
  const exportAs = async (format: 'xlsx' | 'pdf') => {
    const f = await sub.submit(() => call('assessment.exportSummary', { assessmentId: a.id, format }));
    if (f) setLinks((l) => [{ href: fileUrl(f.fileId), name: f.fileName }, ...l.filter((x) => x.name !== f.fileName)]);
  };
  const areas = d.nodes.filter((n) => n.level === 1);
  return (
    <div>
      <ErrorBox message={sub.error} />
      {sub.error && <IssueList issues={sub.fieldErrors} />}
      <table className="table" aria-label={t.byArea}>
        <thead>
          <tr>
            <th>{t.code}</th>
            <th>{t.area}</th>
            <th className="num">{t.maxPoints}</th>
            <th className="num">{t.applicableMaxCol}</th>
            <th className="num">{t.selfPoints}</th>
            <th className="num">%</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((n) => {
            const x = d.totals.byCode[n.code];
            return (
              <tr key={n.code}>
                <td>{n.code}</td>
                <td>{n.title}</td>
                <td className="num">{n.maxPoints === null ? '?' : formatPoints(n.maxPoints)}</td>
                <td className="num">{x ? formatPoints(x.applicableMax) : ''}</td>
                <td className="num">{x ? formatPoints(x.points) : ''}</td>
                <td className="num">{x?.percent != null ? formatPoints(x.percent) : ''}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          {/* The same total and rating as the summary document, so the screen and the document agree. */}
          <tr className="total-row" data-testid="area-total">
            <td />
            <th scope="row">{vi.daily.summary.total}</th>
            <td className="num">{formatPoints(areas.reduce((sum, n) => sum + (n.maxPoints ?? 0), 0))}</td>
            <td className="num">{formatPoints(d.totals.overall.applicableMax)}</td>
            <td className="num">{formatPoints(d.totals.overall.points)}</td>
            <td className="num">{d.totals.overall.percent != null ? formatPoints(d.totals.overall.percent) : ''}</td>
          </tr>
          {d.totals.band && (
            <tr>
              <td />
              <th scope="row">{t.rating}</th>
              <td colSpan={4} data-testid="area-rating">
                <strong>{d.totals.band}</strong>
              </td>
            </tr>
          )}
        </tfoot>
      </table>
      <div className="actions start">
        <button onClick={() => void exportAs('xlsx')} disabled={sub.busy}>
          {t.exportXlsx}
        </button>
        <button onClick={() => void exportAs('pdf')} disabled={sub.busy}>
          {t.exportPdf}
        </button>
      </div>
      <Downloads links={links} />
      {isLeader && <SendReport a={a} canSend={d.editable.ok} onChange={onChange} />}
      {isLeader && <SupplementaryForm d={d} onDone={onChange} />}
    </div>
  );
}

function SupplementaryForm({ d, onDone }: { d: AssessmentDetail; onDone: () => void }) {
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [codes, setCodes] = useState('');
  const [note, setNote] = useState('');
  const [instructionRef, setInstructionRef] = useState('');
  const { busy, error, fieldErrors, submit, setError } = useSubmit();
  const onSubmit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    const o = parseVnDateTime(opensAt);
    const c = parseVnDateTime(closesAt);
    const list = codes.split(/[,;\s]+/).filter(Boolean);
    if (o === null || c === null || list.length === 0) return setError(t.needWindowAndCodes);
    if (
      await submit(() =>
        call('assessment.addSupplementary', { assessmentId: d.assessment.id, opensAt: o, closesAt: c, codes: list, note: note || null, instructionRef }),
      )
    )
      onDone();
  };
  return (
    <details className="panel">
      <summary>
        {t.supplementary} ({d.assessment.supplementary.length})
      </summary>
      <ul>
        {d.assessment.supplementary.map((w) => (
          <li key={w.id}>
            {formatDateTime(w.opensAt)} → {formatDateTime(w.closesAt)}: {w.codes.join(', ')} {w.note && `(${w.note})`}
            {w.instructionRef && ` — ${w.instructionRef}`}
          </li>
        ))}
      </ul>
      <InstructionImport assessmentId={d.assessment.id} onDone={onDone} />
      <form onSubmit={onSubmit} noValidate aria-label={t.addSupplementary}>
        <ErrorBox message={error} />
        <div className="grid2">
          <Field label={t.opensAt}>{(id, d) => <DateTimeInput id={id} aria-describedby={d} value={opensAt} onChange={setOpensAt} />}</Field>
          <Field label={t.closesAt}>{(id, d) => <DateTimeInput id={id} aria-describedby={d} value={closesAt} onChange={setClosesAt} />}</Field>
          <Field label={t.supplementaryCodes}>{(id) => <input id={id} value={codes} onChange={(e) => setCodes(e.target.value)} />}</Field>
          <Field label={t.note}>{(id) => <input id={id} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
          <Field label={vi.clock.instructionLabel} error={fieldErrors['instructionRef']}>
            {(id) => <input id={id} value={instructionRef} onChange={(e) => setInstructionRef(e.target.value)} required />}
          </Field>
        </div>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t.addSupplementary}
          </button>
        </div>
      </form>
    </details>
  );
}

export function AssessmentPage({ id, sub, isLeader }: { id: number; sub: string; isLeader: boolean }) {
  const { data: d, setData, error, reload } = useLoad(() => call('assessment.get', { assessmentId: id }), [id]);
  useItemEvents(id, reload);
  if (error && !d) return <ErrorBox message={error} />;
  if (!d) return <p>{vi.app.loading}</p>;
  const base = `#/assessment/${id}`;
  const a = d.assessment;
  const itemMatch = /^item\/(\d+)$/.exec(sub);
  const tabs = [
    { key: '', label: t.tabTree },
    ...(isLeader ? [{ key: 'assign', label: t.tabAssign }] : []),
    { key: 'precheck', label: t.tabPrecheck },
    { key: 'summary', label: t.tabSummary },
    { key: 'appraisal', label: vi.appraisal.ui.tabAppraisal },
    { key: 'plan', label: vi.appraisal.ui.tabPlan },
  ];
  const onItemChange = (change: { item: ItemView; totals: TotalsView }) =>
    setData({ ...d, items: d.items.map((i) => (i.id === change.item.id ? change.item : i)), totals: change.totals });
  return (
    <section aria-labelledby="assessment-title">
      <div className="page-head">
        <div>
          <h1 id="assessment-title">
            {t.assessmentOfYear(a.year)} {a.status === 'sent' && <span className="badge badge--approved">{t.sent}</span>}
          </h1>
          <div className="muted small">
            {a.setName}
            {a.setDecision ? ` (${a.setDecision})` : ''} · {t.window}: {formatDateTime(a.opensAt)} → {formatDateTime(a.closesAt)}
          </div>
        </div>
        <div className="head-right">
          <TotalsLine totals={d.totals} />
          <Progress p={progressOf(d.items)} />
        </div>
      </div>
      {/* The appraisal and its plan come after sending: the lock of the report does not apply to them. */}
      {!d.editable.ok && sub !== 'appraisal' && sub !== 'plan' && (
        <div className="alert alert--error" role="alert" data-testid="locked-banner">
          <strong>{t.closedBanner}:</strong> {d.editable.message}
        </div>
      )}
      {itemMatch ? (
        <ItemEditor key={itemMatch[1]} detail={d} itemId={Number(itemMatch[1])} isLeader={isLeader} onChange={onItemChange} back={base} />
      ) : (
        <>
          <nav className="tabs" aria-label={vi.app.sections}>
            {tabs.map((tab) => (
              <a key={tab.key} href={tab.key ? `${base}/${tab.key}` : base} aria-current={sub === tab.key ? 'page' : undefined}>
                {tab.label}
              </a>
            ))}
          </nav>
          {sub === '' && <TreeTab d={d} base={base} />}
          {sub === 'assign' && isLeader && <AssignTab d={d} onDone={reload} />}
          {sub === 'precheck' && <PrecheckTab d={d} base={base} />}
          {sub === 'summary' && <SummaryTab d={d} isLeader={isLeader} onChange={reload} />}
          {sub === 'appraisal' && <AppraisalTab d={d} isLeader={isLeader} />}
          {sub === 'plan' && <PlanTab assessmentId={d.assessment.id} isLeader={isLeader} />}
        </>
      )}
    </section>
  );
}
