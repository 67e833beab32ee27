// The criteria tree of a 110-criterion set is ~5,000 px tall: areas fold, and a filter (code or
// title, status, assignee) narrows it. Shared by the set page, the assessment's tree and the
// assignment tab, so the three behave alike. Matching rows keep their ancestors in view, so a
// criterion is never shown without the area it belongs to.
import { useMemo, useState } from 'react';
import type { CriterionView, ItemStatusView, ItemView } from '../../../shared/api/assessment-schemas';
import { vi } from '../../../shared/i18n/vi';
import { stripDiacritics } from '../../../shared/vietnamese';

const t = vi.daily.tree;

/** Lower-case and without diacritics (d-stroke included), so "phan cong" finds "Phân công". */
const fold = (s: string) => stripDiacritics(s).toLowerCase();

export type StatusFilter = '' | ItemStatusView;
/** '' = anyone, 'none' = not assigned, otherwise a user id. */
export type AssigneeFilter = string;

export interface TreeFilter {
  text: string;
  status: StatusFilter;
  assignee: AssigneeFilter;
}

/** Codes of every descendant of `code` (not including it). */
export function descendantsOf(nodes: readonly CriterionView[], code: string): string[] {
  const children = new Map<string, string[]>();
  for (const n of nodes) if (n.parentCode) children.set(n.parentCode, [...(children.get(n.parentCode) ?? []), n.code]);
  const out: string[] = [];
  const walk = (c: string) => {
    for (const k of children.get(c) ?? []) {
      out.push(k);
      walk(k);
    }
  };
  walk(code);
  return out;
}

/** The nodes to show: those matching the filter plus their ancestors, minus what sits in a folded area. */
export function visibleNodes(
  nodes: readonly CriterionView[],
  items: ReadonlyMap<string, ItemView> | null,
  f: TreeFilter,
  collapsed: ReadonlySet<string>,
): CriterionView[] {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const filtering = f.text.trim() !== '' || f.status !== '' || f.assignee !== '';
  let keep: Set<string> | null = null;
  if (filtering) {
    const q = fold(f.text.trim());
    keep = new Set();
    for (const n of nodes) {
      const it = items?.get(n.code);
      if (q && !fold(n.code).includes(q) && !fold(n.title).includes(q)) continue;
      // Status and assignee belong to scored criteria: a heading matches through its children.
      if (f.status && (!it || it.status !== f.status)) continue;
      if (f.assignee === 'none' && (!it || it.assigneeId !== null)) continue;
      if (f.assignee && f.assignee !== 'none' && (!it || String(it.assigneeId) !== f.assignee)) continue;
      for (let c: CriterionView | undefined = n; c; c = c.parentCode ? byCode.get(c.parentCode) : undefined) keep.add(c.code);
    }
  }
  return nodes.filter((n) => {
    if (keep && !keep.has(n.code)) return false;
    // While filtering every match is shown, folded or not: the user asked for it.
    if (filtering) return true;
    for (let p = n.parentCode; p; p = byCode.get(p)?.parentCode ?? null) if (collapsed.has(p)) return false;
    return true;
  });
}

export function useCriteriaTree(nodes: readonly CriterionView[], items: ReadonlyMap<string, ItemView> | null) {
  const [filter, setFilter] = useState<TreeFilter>({ text: '', status: '', assignee: '' });
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const visible = useMemo(() => visibleNodes(nodes, items, filter, collapsed), [nodes, items, filter, collapsed]);
  const areas = useMemo(() => nodes.filter((n) => n.level === 1).map((n) => n.code), [nodes]);
  const toggleFold = (code: string) => {
    const next = new Set(collapsed);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    setCollapsed(next);
  };
  return {
    filter,
    setFilter,
    visible,
    collapsed,
    toggleFold,
    foldAll: () => setCollapsed(new Set(areas)),
    unfoldAll: () => setCollapsed(new Set()),
    filtering: filter.text.trim() !== '' || filter.status !== '' || filter.assignee !== '',
  };
}

export type CriteriaTree = ReturnType<typeof useCriteriaTree>;

/** The fold control in an area's row (only areas fold: the level users navigate by). */
export function FoldButton({ tree, node }: { tree: CriteriaTree; node: CriterionView }) {
  if (node.level !== 1 || node.isLeaf) return null;
  const folded = tree.collapsed.has(node.code) && !tree.filtering;
  return (
    <button
      type="button"
      className="fold"
      aria-expanded={!folded}
      aria-label={folded ? t.unfoldArea(node.code) : t.foldArea(node.code)}
      onClick={() => tree.toggleFold(node.code)}
    >
      <span aria-hidden="true">{folded ? '▸' : '▾'}</span>
    </button>
  );
}

/** Search box, status and assignee filters, fold/unfold all, and how many rows are shown. */
export function TreeFilterBar({
  tree,
  total,
  people,
}: {
  tree: CriteriaTree;
  total: number;
  /** With items: the status and assignee filters appear. */
  people?: { id: number; fullName: string }[];
}) {
  const f = tree.filter;
  const set = (patch: Partial<TreeFilter>) => tree.setFilter({ ...f, ...patch });
  return (
    <div className="tree-filter" role="search" aria-label={t.filterLabel}>
      <label>
        <span className="small">{t.search}</span>
        <input
          type="search"
          aria-label={t.search}
          value={f.text}
          onChange={(e) => set({ text: e.target.value })}
          placeholder={t.searchPlaceholder}
          spellCheck={false}
        />
      </label>
      {people && (
        <>
          <label>
            <span className="small">{t.status}</span>
            <select aria-label={t.status} value={f.status} onChange={(e) => set({ status: e.target.value as StatusFilter })}>
              <option value="">{t.anyStatus}</option>
              {(['todo', 'done', 'returned', 'approved'] as const).map((s) => (
                <option key={s} value={s}>
                  {vi.ui.itemStatus[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="small">{t.assignee}</span>
            <select aria-label={t.assignee} value={f.assignee} onChange={(e) => set({ assignee: e.target.value })}>
              <option value="">{t.anyone}</option>
              <option value="none">{vi.ui.unassigned}</option>
              {people.map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {p.fullName}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <div className="row-actions">
        <button type="button" onClick={tree.unfoldAll} disabled={tree.filtering}>
          {t.unfoldAll}
        </button>
        <button type="button" onClick={tree.foldAll} disabled={tree.filtering}>
          {t.foldAll}
        </button>
        {tree.filtering && (
          <button type="button" onClick={() => tree.setFilter({ text: '', status: '', assignee: '' })}>
            {t.clear}
          </button>
        )}
      </div>
      <span className="small muted" role="status">
        {t.shown(tree.visible.length, total)}
      </span>
    </div>
  );
}
