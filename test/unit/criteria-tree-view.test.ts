// The criteria tree's filter and folding (renderer/src/components/criteria-tree.tsx): a match keeps
// its ancestors, status/assignee filters judge scored criteria, folded areas hide their rows
// except while filtering, and ticking a parent reaches every descendant.
import { describe, expect, it } from 'vitest';
import { descendantsOf, visibleNodes } from '../../renderer/src/components/criteria-tree';
import type { CriterionView, ItemView } from '../../shared/api/assessment-schemas';

const n = (code: string, title: string, isLeaf = true): CriterionView => {
  const parts = code.split('.');
  return {
    code,
    parentCode: parts.length > 1 ? parts.slice(0, -1).join('.') : null,
    level: parts.length,
    title,
    maxPoints: 1,
    guidance: null,
    evidenceHints: null,
    isLeaf,
  };
};
const nodes = [
  n('1', 'Công tác chỉ đạo, điều hành', false),
  n('1.1', 'Kế hoạch CCHC'),
  n('1.2', 'Báo cáo CCHC'),
  n('3', 'Cải cách thủ tục hành chính', false),
  n('3.2', 'Một cửa, một cửa liên thông', false),
  n('3.2.1', 'Công khai TTHC'),
  n('3.2.2', 'Liên thông khai sinh'),
];
const item = (code: string, status: ItemView['status'], assigneeId: number | null) => [code, { criterionCode: code, status, assigneeId } as ItemView] as const;
const items = new Map([item('1.1', 'done', 5), item('1.2', 'todo', null), item('3.2.1', 'approved', 5), item('3.2.2', 'todo', 7)]);
const codes = (v: CriterionView[]) => v.map((x) => x.code);
const none = { text: '', status: '' as const, assignee: '' };

describe('criteria tree view', () => {
  it('a text match keeps its ancestors; diacritics and case do not matter', () => {
    expect(codes(visibleNodes(nodes, items, { ...none, text: 'mot cua' }, new Set()))).toEqual(['3', '3.2']);
    expect(codes(visibleNodes(nodes, items, { ...none, text: '3.2.2' }, new Set()))).toEqual(['3', '3.2', '3.2.2']);
  });

  it('filters by status and by assignee, including "not assigned"', () => {
    expect(codes(visibleNodes(nodes, items, { ...none, status: 'todo' }, new Set()))).toEqual(['1', '1.2', '3', '3.2', '3.2.2']);
    expect(codes(visibleNodes(nodes, items, { ...none, assignee: '5' }, new Set()))).toEqual(['1', '1.1', '3', '3.2', '3.2.1']);
    expect(codes(visibleNodes(nodes, items, { ...none, assignee: 'none' }, new Set()))).toEqual(['1', '1.2']);
  });

  it('a folded area hides its rows, unless a filter is on', () => {
    expect(codes(visibleNodes(nodes, items, none, new Set(['3'])))).toEqual(['1', '1.1', '1.2', '3']);
    expect(codes(visibleNodes(nodes, items, { ...none, text: 'khai sinh' }, new Set(['3'])))).toEqual(['3', '3.2', '3.2.2']);
  });

  it('ticking a parent reaches every descendant', () => {
    expect(descendantsOf(nodes, '3')).toEqual(['3.2', '3.2.1', '3.2.2']);
    expect(descendantsOf(nodes, '1.1')).toEqual([]);
  });
});
