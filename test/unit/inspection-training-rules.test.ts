// The outline for a phường/xã against the city departments', the due-date rule (calendar and
// working days), the apology and digitisation checks, and the targets of document 004.
import { describe, expect, it } from 'vitest';
import { outlineFor, reportDueDate, daysBetween, apologyProblems, digitisedPercent } from '../../main/domain/inspection-outline';
import { OUTLINE_110_2023 } from '../../main/domain/inspection-outline-data';
import { trainingTargets, scoreAnswers, passed } from '../../main/domain/training-targets';

const texts = (who: 'phuongXa' | 'coQuanChuyenMon') =>
  outlineFor(OUTLINE_110_2023, who).map((l) => (l.kind === 'item' ? `${l.key} ${l.text}` : `# ${l.key} ${l.title}`));

describe('inspection outline filtering', () => {
  it('gives a phường/xã its own items and none of the city departments’', () => {
    const x = texts('phuongXa');
    expect(x).toContain('# I.2.5.2 Đối với UBND phường, xã');
    expect(x.some((t) => t.startsWith('# I.2.5.1'))).toBe(false);
    expect(x.some((t) => t.includes('Đối với các cơ quan chuyên môn thành phố: Kết quả thực hiện rà soát'))).toBe(false);
    // I.2.4 keeps only the phường/xã item, numbered first under its section.
    expect(x).toContain(
      'I.2.4.1 Đối với UBND phường, xã: Thực hiện đúng quy định về phân cấp quản lý tổ chức bộ máy, biên chế, quản lý sử dụng cán bộ, công chức.',
    );
    expect(x.some((t) => t.includes('Tổ công nghệ số cộng đồng phường, xã'))).toBe(true);
    // Sections I–IV, and III/IV as free-text items.
    expect(x.filter((t) => /^# (I|II|III|IV) /.test(t))).toHaveLength(4);
    expect(x).toContain('III ');
  });

  it('gives a city department its items and no phường/xã item', () => {
    const c = texts('coQuanChuyenMon');
    expect(c).toContain('# I.2.5.1 Đối với các cơ quan chuyên môn thành phố');
    expect(c.some((t) => t.startsWith('# I.2.5.2'))).toBe(false);
    expect(c.some((t) => t.includes('Tổ công nghệ số cộng đồng'))).toBe(false);
    expect(c.some((t) => t.includes('thuộc phường, xã vào Cổng dịch vụ công'))).toBe(false);
  });

  it('marks the two items whose rules the app checks', () => {
    const items = outlineFor(OUTLINE_110_2023, 'phuongXa').filter((l) => l.kind === 'item' && l.check);
    expect(items.map((l) => (l.kind === 'item' ? l.check : null)).sort()).toEqual(['apologyPerDossier', 'incomingDigitised']);
  });
});

describe('report due date', () => {
  it('is 5 calendar days before the visit by default', () => {
    expect(reportDueDate('2023-09-20', { days: 5, kind: 'calendar' })).toBe('2023-09-15');
    expect(reportDueDate('2024-03-03', { days: 5, kind: 'calendar' })).toBe('2024-02-27'); // leap year
  });
  it('skips Saturdays and Sundays when counted in working days', () => {
    // Wednesday 20/09/2023 − 5 working days = Wednesday 13/09/2023.
    expect(reportDueDate('2023-09-20', { days: 5, kind: 'working' })).toBe('2023-09-13');
    // Monday 25/09/2023 − 5 working days = Monday 18/09/2023.
    expect(reportDueDate('2023-09-25', { days: 5, kind: 'working' })).toBe('2023-09-18');
  });
  it('counts the days left, negative once past', () => {
    expect(daysBetween('2023-09-10', '2023-09-15')).toBe(5);
    expect(daysBetween('2023-09-16', '2023-09-15')).toBe(-1);
  });
});

describe('rules of the outline', () => {
  it('flags one apology letter covering several late dossiers, and a dossier with none', () => {
    const p = apologyProblems([
      { dossierCode: 'HS-001', apologyNumber: '12/TB-UBND' },
      { dossierCode: 'HS-002', apologyNumber: '12 / TB-UBND' },
      { dossierCode: 'HS-003', apologyNumber: '13/TB-UBND' },
      { dossierCode: 'HS-004', apologyNumber: null },
    ]);
    expect(p).toEqual([
      { dossierCode: 'HS-001', kind: 'shared', apologyNumber: '12/TB-UBND', others: ['HS-002'] },
      { dossierCode: 'HS-002', kind: 'shared', apologyNumber: '12 / TB-UBND', others: ['HS-001'] },
      { dossierCode: 'HS-004', kind: 'missing' },
    ]);
  });
  it('measures the digitised share of incoming documents', () => {
    expect(digitisedPercent(400, 400)).toBe(100);
    expect(digitisedPercent(400, 387)).toBe(96.75);
    expect(digitisedPercent(null, 3)).toBeNull();
  });
});

describe('targets of document 004', () => {
  const people = [
    { userId: 1, fullName: 'A', advises: true, oneStop: true },
    { userId: 2, fullName: 'B', advises: true, oneStop: false },
    { userId: 3, fullName: 'C', advises: true, oneStop: true },
    { userId: 4, fullName: 'D', advises: false, oneStop: true },
  ];
  it('computes the share trained, the gap and who is missing', () => {
    const [t1, t2] = trainingTargets(people, new Set([1, 2]), { advisingPercent: 95, oneStopPercent: 90 });
    expect(t1).toMatchObject({ id: 'T1', eligible: 3, trained: 2, percent: 66.67, met: false, gap: 28.33, missing: [{ userId: 3, fullName: 'C' }] });
    expect(t2).toMatchObject({ id: 'T2', eligible: 3, trained: 1, percent: 33.33, met: false });
  });
  it('applies the document’s operators: strictly above 95 %, at or above 90 %', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ userId: i + 1, fullName: `P${i}`, advises: true, oneStop: true }));
    const trained = new Set(many.slice(0, 19).map((p) => p.userId)); // 95 %
    const [t1, t2] = trainingTargets(many, trained, { advisingPercent: 95, oneStopPercent: 95 });
    expect(t1!.met).toBe(false); // "trên 95%": 95 is not above
    expect(t2!.met).toBe(true); // "từ … trở lên"
    expect(trainingTargets(many, trained, { advisingPercent: 90, oneStopPercent: 90 })[0]!.met).toBe(true);
  });
  it('has no figure for an empty population', () => {
    expect(trainingTargets([], new Set(), { advisingPercent: 95, oneStopPercent: 90 })[0]).toMatchObject({ percent: null, met: false, gap: null });
  });
  it('scores answers by points and passes at the threshold', () => {
    const qs = [
      { id: 1, correct: 'A', points: 1 },
      { id: 2, correct: 'B', points: 2 },
      { id: 3, correct: 'C', points: 1 },
    ];
    expect(
      scoreAnswers(
        qs,
        new Map([
          [1, 'A'],
          [2, 'C'],
          [3, 'C'],
        ]),
      ),
    ).toEqual({ score: 2, max: 4 });
    expect(passed(2, 4, 50)).toBe(true);
    expect(passed(2, 4, 50.01)).toBe(false);
  });
});
