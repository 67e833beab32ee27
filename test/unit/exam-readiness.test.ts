// What stops an exam results package: a running step always; a step not started, or ended with a
// performer's result missing, unless signed on purpose. A step failed by an incident needs no results.
import { describe, expect, it } from 'vitest';
import { examReadiness, examBagName } from '../../main/services/submission/build-exam';
import type { StepView, TeamView } from '../../shared/api/exam-schemas';

const person = (entryId: number, fullName: string) => ({ entryId, fullName, positionTitle: null, subRole: null });
const record = (entryId: number, fullName: string, result: 'dat' | 'khong_dat' | null) => ({
  id: entryId * 10,
  entryId,
  fullName,
  positionTitle: null,
  codes: [],
  finishedAt: null,
  result,
  note: null,
});

function step(n: number, phase: StepView['phase'], over: Partial<StepView> = {}): StepView {
  return {
    id: n,
    step: n,
    name: `Bước ${n}`,
    startedAt: null,
    deadlineAt: null,
    endedAt: null,
    phase,
    endedBy: null,
    remainingMs: null,
    failed: false,
    performers: [person(1, 'Lê Thị Hương'), person(2, 'Phạm Văn Đức')],
    records: [],
    incidents: [],
    overrides: [],
    ...over,
  };
}
const team = (commune: string, steps: StepView[]): TeamView => ({ id: 1, commune, steps, codes: [], choices: [] });

describe('examReadiness', () => {
  it('separates a running step from unfinished people', () => {
    const r = examReadiness([
      team('Phú Thượng', [
        step(1, 'ended', { records: [record(1, 'Lê Thị Hương', 'dat'), record(2, 'Phạm Văn Đức', null)] }),
        step(2, 'running'),
        step(3, 'pending'),
        step(4, 'pending', { performers: [] }),
      ]),
    ]);
    expect(r.empty).toBe(false);
    expect(r.running.map((i) => i.message)).toEqual([expect.stringMatching(/^Đội Phú Thượng: Bước 2 .*đang diễn ra/)]);
    expect(r.incomplete.map((i) => i.message)).toEqual([
      'Đội Phú Thượng: Bước 1 đã kết thúc nhưng chưa ghi kết quả của Phạm Văn Đức.',
      expect.stringMatching(/^Đội Phú Thượng: Bước 3 \(Bước 3\) chưa bắt đầu \(2 người chưa có kết quả\)\.$/),
    ]);
    // Paths are unique per team and step, so a form can show each problem once.
    expect(new Set([...r.running, ...r.incomplete].map((i) => i.path)).size).toBe(3);
  });

  it('needs no results in a step failed by an incident, and sees a round with nobody as empty', () => {
    const failed = examReadiness([
      team(
        'La Hiên',
        [1, 2, 3, 4].map((n) =>
          step(n, 'ended', { failed: n === 3, records: n === 3 ? [] : [record(1, 'Lê Thị Hương', 'dat'), record(2, 'Phạm Văn Đức', 'dat')] }),
        ),
      ),
    ]);
    expect(failed).toEqual({ running: [], incomplete: [], empty: false });
    expect(examReadiness([]).empty).toBe(true);
    expect(examReadiness([team('La Hiên', [step(1, 'pending', { performers: [] })])]).empty).toBe(true);
  });
});

it('names the bag in ASCII, per round', () => {
  expect(examBagName('Phú Thượng', 2025, 3)).toBe('KC-2025-PhuThuong-THI-3');
  expect(examBagName('Đắk Ơ', 2025, 12)).toBe('KC-2025-DakO-THI-12');
  expect(examBagName('—', 2025, 1)).toBe('KC-2025-UBND-THI-1');
});
