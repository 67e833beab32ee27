// The audit page's words for a change (renderer/src/components/AuditChange.tsx): labels depend on
// what the row is about, ids become names, dates read dd/mm/yyyy — never a raw key or epoch.
import { describe, expect, it } from 'vitest';
import { auditValue, fieldLabel } from '../../renderer/src/components/AuditChange';

describe('audit change words', () => {
  it('labels points by what was scored: the council’s on an appraisal row, the self-score elsewhere', () => {
    expect(fieldLabel('points', 'appraisal')).toBe('Điểm thẩm định');
    expect(fieldLabel('points', 'item')).toBe('Điểm tự chấm');
  });

  it('names a plan target’s values, not their column names', () => {
    for (const k of ['text', 'target_value', 'measured_value', 'due_date']) expect(fieldLabel(k, 'plan_target')).not.toBe(k);
  });

  it('names a package’s kind and what its build row records, as an office’s kind stays "Loại đơn vị"', () => {
    expect(fieldLabel('kind', 'package')).toBe('Loại hồ sơ');
    expect(fieldLabel('kind', 'office')).toBe('Loại đơn vị');
    expect(auditValue('kind', 'inspection', {})).toBe('Báo cáo phục vụ Đoàn kiểm tra');
    expect(auditValue('kind', 'training', {})).toBe('Kết quả kiểm tra cuối khóa');
    expect(auditValue('kind', 'xa', {})).toBe('Xã');
    for (const k of ['file', 'files', 'plan', 'course', 'attempts']) expect(fieldLabel(k, 'package')).not.toBe(k);
  });

  it('shows ids as names and ISO dates as dd/mm/yyyy', () => {
    expect(auditValue('assigneeUserId', 7, { 'assigneeUserId:7': 'Nguyễn Thị Ly' })).toBe('Nguyễn Thị Ly');
    expect(auditValue('due_date', '2026-06-30', {})).toBe('30/06/2026');
  });
});
