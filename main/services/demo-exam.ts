// Demo: an exam round with rosters for two communes, teams formed, and one team in step 1 — so a
// proctor sees a living console (its timer started when the demo was created).
import type { Services, Actor } from './context';
import { createRound } from './exam/rounds';
import { storeRoster } from './exam/roster-io';
import { formTeams } from './exam/teams';
import { startStep, setCodes, consoleView } from './exam/console';
import type { RosterRow } from './roster';

function row(
  stt: number,
  fullName: string,
  gender: 'nam' | 'nu',
  birthYear: number,
  positionId: string,
  positionTitle: string,
  commune: string,
  phone: string,
  extra: Partial<RosterRow> = {},
): RosterRow {
  return {
    stt,
    fullName,
    gender,
    birthYear,
    birthDate: null,
    positionId,
    positionTitle,
    positionRaw: positionTitle,
    commune,
    district: 'Võ Nhai',
    phone,
    note: null,
    sourceRow: stt + 8,
    ...extra,
  };
}

export function createDemoExam(s: Services, proctor: Actor): { roundName: string } {
  const year = new Date(s.clock.now()).getUTCFullYear();
  const roundName = `Kiểm tra năng lực CBCC cấp xã năm ${year} — đợt 1`;
  const round = createRound(s, proctor, {
    name: roundName,
    examDate: new Date(s.clock.now()).toISOString().slice(0, 10),
    venue: 'Hội trường UBND huyện Võ Nhai',
    district: 'Võ Nhai',
  });
  const leaders = [
    row(1, 'Nguyễn Văn Hùng', 'nam', 1975, 'CT_PCT', 'Chủ tịch', 'Phú Thượng', '0912100001'),
    row(2, 'Đinh Văn Toàn', 'nam', 1979, 'CT_PCT', 'Chủ tịch', 'La Hiên', '0912200001'),
  ];
  const officers = [
    row(1, 'Lê Thị Hương', 'nu', 1988, 'VP_TK', 'Văn phòng - Thống kê', 'Phú Thượng', '0912100002'),
    row(2, 'Phạm Văn Đức', 'nam', 1990, 'TP_HT', 'Tư pháp - Hộ tịch', 'Phú Thượng', '0912100003'),
    row(3, 'Hoàng Thị Mai', 'nu', 1992, 'TC_KT', 'Tài chính - Kế toán', 'Phú Thượng', '0912100004'),
    row(4, 'Vũ Quốc Khánh', 'nam', 1986, 'DC', 'Địa chính - Nông nghiệp - Xây dựng và Môi trường', 'Phú Thượng', '0912100005'),
    row(5, 'Ma Thị Thu', 'nu', 1991, 'VP_TK', 'Văn phòng - Thống kê', 'La Hiên', '0912200002'),
    row(6, 'Hà Văn Sơn', 'nam', 1989, 'TP_HT', 'Tư pháp - Hộ tịch', 'La Hiên', '0912200003'),
    row(7, 'Triệu Thị Lan', 'nu', 1993, 'VH_XH', 'Văn hóa - Xã hội', 'La Hiên', '0912200004'),
  ];
  const excluded = [
    row(1, 'Đỗ Văn Thắng', 'nam', 1995, 'VH_XH', 'Văn hóa - Xã hội', 'Phú Thượng', '0912100006', {
      exclusion: { kind: 'tap_su', text: 'Công chức tập sự (tuyển dụng tháng 6)' },
      reason: 'Tập sự',
    }),
  ];
  storeRoster(
    s,
    proctor,
    round.id,
    [
      { form: '01', rows: leaders },
      { form: '02', rows: officers },
      { form: '03', rows: excluded },
    ],
    'dữ liệu mẫu',
  );
  formTeams(s, proctor, round.id);
  const team = consoleView(s, round.id).teams.find((t) => t.commune === 'Phú Thượng')!;
  startStep(s, proctor, team.id, 1);
  const rec = consoleView(s, round.id)
    .teams.find((t) => t.id === team.id)!
    .steps[0]!.records.find((r) => r.fullName === 'Lê Thị Hương')!;
  setCodes(s, proctor, rec.id, [`G22.61-${String(year).slice(2)}0920-0001`, `G22.61-${String(year).slice(2)}0920-0002`]);
  return { roundName };
}
