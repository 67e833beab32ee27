// "Phân công": tick areas or criteria (ticking a parent ticks its children, on screen too), choose
// an officer, assign. The officer list starts empty and the button waits for a choice, so one
// click can never un-assign by accident; un-assigning is its own button with its own message.
// The bar with the choice follows the user down the 5,000-px tree (sticky).
import { useEffect, useMemo, useRef, useState } from 'react';
import { call } from '../../api/client';
import { ErrorBox, Field, Notice } from '../../components/form';
import { useSubmit } from '../../components/useForm';
import { FoldButton, TreeFilterBar, descendantsOf, useCriteriaTree } from '../../components/criteria-tree';
import type { AssessmentDetail } from '../../../../shared/api/assessment-schemas';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.ui;
const a = vi.daily.assign;

export function AssignTab({ d, onDone }: { d: AssessmentDetail; onDone: () => void }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [assignee, setAssignee] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit();
  const items = useMemo(() => new Map(d.items.map((i) => [i.criterionCode, i])), [d.items]);
  const tree = useCriteriaTree(d.nodes, items);
  const parentOf = useMemo(() => new Map(d.nodes.map((n) => [n.code, n.parentCode])), [d.nodes]);
  const toggle = (code: string) => {
    const next = new Set(selected);
    const family = [code, ...descendantsOf(d.nodes, code)];
    if (next.has(code)) {
      family.forEach((c) => next.delete(c));
      // A parent stays ticked only while all of it is: untick the ancestors too.
      for (let p = parentOf.get(code); p; p = parentOf.get(p) ?? null) next.delete(p);
    } else family.forEach((c) => next.add(c));
    setSelected(next);
  };
  // The codes sent: the top-most ticked ones (the back end expands each to its criteria).
  const roots = () => [...selected].filter((c) => !hasSelectedAncestor(c));
  const hasSelectedAncestor = (c: string) => {
    for (let p = parentOf.get(c); p; p = parentOf.get(p) ?? null) if (selected.has(p)) return true;
    return false;
  };
  const run = async (assigneeId: number | null) => {
    setNotice(null);
    const r = await submit(() => call('assessment.assign', { assessmentId: d.assessment.id, codes: roots(), assigneeId }));
    if (r) {
      const person = d.people.find((p) => p.id === assigneeId);
      setNotice(person ? a.assignedTo(r.changed, person.fullName) : a.unassigned(r.changed));
      setSelected(new Set());
      onDone();
    }
  };
  const canAct = !busy && selected.size > 0 && d.editable.ok;
  // The column headers stick just under the bar, whose height changes with its messages.
  const barRef = useRef<HTMLDivElement>(null);
  const [barHeight, setBarHeight] = useState(0);
  useEffect(() => {
    const el = barRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setBarHeight(el.offsetHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return (
    <div style={{ '--assign-bar-height': `${barHeight}px` } as React.CSSProperties}>
      <p className="muted">{t.selectHint}</p>
      <div className="assign-bar panel" ref={barRef}>
        <Field label={t.assignTo} hint={assignee ? undefined : a.chooseFirst}>
          {(id, desc) => (
            <select id={id} aria-describedby={desc} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              <option value="">{a.choosePerson}</option>
              {d.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.fullName} — {p.position}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button className="primary" disabled={!canAct || !assignee} onClick={() => void run(Number(assignee))}>
          {t.assignSelected} ({selected.size})
        </button>
        <button disabled={!canAct} onClick={() => void run(null)}>
          {a.unassign}
        </button>
        {selected.size > 0 && (
          <button type="button" className="link" onClick={() => setSelected(new Set())}>
            {a.clearSelection}
          </button>
        )}
        <div className="assign-bar__feedback">
          <Notice message={notice} />
          <ErrorBox message={error} />
        </div>
      </div>
      <TreeFilterBar tree={tree} total={d.nodes.length} people={d.people} />
      <table className="table tree tree--sticky-head">
        <thead>
          <tr>
            <th className="col-check">{a.select}</th>
            <th>{t.code}</th>
            <th>{t.criterion}</th>
            <th>{t.assignee}</th>
            <th>{t.status}</th>
          </tr>
        </thead>
        <tbody>
          {tree.visible.map((n) => {
            const it = items.get(n.code);
            const some = !selected.has(n.code) && descendantsOf(d.nodes, n.code).some((c) => selected.has(c));
            return (
              <tr key={n.code} className={`level-${n.level}${selected.has(n.code) ? ' selected' : ''}`} data-code={n.code}>
                <td className="col-check">
                  <input
                    type="checkbox"
                    aria-label={t.selectCode(n.code)}
                    checked={selected.has(n.code)}
                    ref={(el) => {
                      if (el) el.indeterminate = some;
                    }}
                    onChange={() => toggle(n.code)}
                  />
                </td>
                <td className="nowrap">
                  <FoldButton tree={tree} node={n} />
                  {n.code}
                </td>
                <td style={{ paddingLeft: `${0.65 + (n.level - 1) * 1.2}rem` }}>{n.title}</td>
                <td>{it ? (it.assigneeName ?? <span className="muted">{t.unassigned}</span>) : ''}</td>
                <td>{it && <span className={`badge badge--${it.status}`}>{t.itemStatus[it.status]}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
