// A small exam round for service tests: two communes, every position the procedure needs.
import type { TestApp } from './services';
import { storeRoster } from '../../main/services/exam/roster-io';
import { SYSTEM_ACTOR } from '../../main/services/context';
import type { RosterRow } from '../../main/services/roster';

let stt = 0;
export function person(fullName: string, positionId: string, positionTitle: string, commune: string, extra: Partial<RosterRow> = {}): RosterRow {
  stt++;
  return {
    stt,
    fullName,
    gender: 'nam',
    birthYear: 1985,
    birthDate: null,
    positionId,
    positionTitle,
    positionRaw: positionTitle,
    commune,
    district: 'Mỹ Xuyên',
    phone: '0912345678',
    note: null,
    exclusion: null,
    appointedAt: null,
    takesPart: true,
    sourceRow: stt + 5,
    ...extra,
  };
}

export function communeTeam(commune: string): RosterRow[] {
  return [
    person(`Trần Văn Chủ ${commune}`, 'CT_PCT', 'Chủ tịch', commune),
    person(`Lê Thị Văn ${commune}`, 'VP_TK', 'Văn phòng - Thống kê', commune),
    person(`Phạm Tư ${commune}`, 'TP_HT', 'Tư pháp - Hộ tịch', commune),
    person(`Hoàng Tài ${commune}`, 'TC_KT', 'Tài chính - Kế toán', commune),
  ];
}

export async function seedRound(app: TestApp, token: string): Promise<number> {
  const round = await app.call(
    'exam.createRound',
    { name: 'Đợt 1 — Mỹ Xuyên 2023', examDate: '2023-09-20', venue: 'Hội trường UBND huyện', district: 'Mỹ Xuyên' },
    token,
  );
  const all = [...communeTeam('Đại Tâm'), ...communeTeam('Tham Đôn')];
  storeRoster(
    app.s,
    SYSTEM_ACTOR,
    round.id,
    [
      { form: '01', rows: all.filter((p) => p.positionId === 'CT_PCT') },
      { form: '02', rows: all.filter((p) => p.positionId !== 'CT_PCT') },
    ],
    'test',
  );
  return round.id;
}
