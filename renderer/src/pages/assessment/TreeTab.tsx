// "Cây tiêu chí" tab: every criterion with its points, assignee and status, filterable and foldable;
// a scored criterion opens its editor.
import { useMemo } from 'react';
import { FoldButton, TreeFilterBar, useCriteriaTree } from '../../components/criteria-tree';
import { formatPoints } from '../../../../shared/format';
import type { AssessmentDetail, ItemView } from '../../../../shared/api/assessment-schemas';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.ui;

const statusLabel = (i: ItemView) => (i.notApplicable && i.status === 'todo' ? t.itemStatus.todo : t.itemStatus[i.status]);

export function TreeTab({ d, base }: { d: AssessmentDetail; base: string }) {
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
