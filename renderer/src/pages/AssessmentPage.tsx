// One year's assessment: its head (totals, progress, the lock), and its tabs — each tab in its own
// file under assessment/ (appraisal and plan under appraisal/), the criterion editor under item/.
import { progressOf, useItemEvents } from './assessment/live-progress';
import { call } from '../api/client';
import { ErrorBox } from '../components/form';
import { useLoad } from '../components/useLoad';
import { Tabs } from '../components/Tabs';
import { Progress } from './AssessmentsPage';
import { ItemEditor } from './item/ItemEditor';
import { PrecheckTab } from './assessment/PrecheckTab';
import { AppraisalTab } from './appraisal/AppraisalTab';
import { PlanTab } from './appraisal/PlanTab';
import { AssignTab } from './assessment/AssignTab';
import { TreeTab } from './assessment/TreeTab';
import { SummaryTab } from './assessment/SummaryTab';
import { TotalsLine } from './assessment/TotalsLine';
import { formatDateTime } from '../../../shared/format';
import type { ItemView, TotalsView } from '../../../shared/api/assessment-schemas';
import { vi } from '../../../shared/i18n/vi';

const t = vi.ui;

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
          <Tabs base={base} current={sub} tabs={tabs} />
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
