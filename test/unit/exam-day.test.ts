// Exam-day rules of document 000 as pure functions: who performs which step (sub-roles from Ghi
// chú), titles outside the six, the Địa chính title against the commune's kind, the appointment
// code format, what the timer says at 5:00, minutes with a decimal comma, the board link's day.
import { describe, expect, it } from 'vitest';
import { assignPerformers } from '../../main/domain/exam-teams';
import { subRoleOf, nonExamTitle, matchPosition, dcTitleMismatch, communeKind } from '../../main/domain/roster';
import { normalizeCode } from '../../main/domain/exam-steps';
import { formatMinutes, formatRemaining, timerState } from '../../shared/exam-timer';
import { boardValidUntil } from '../../main/services/exam/board';

const p = (id: number, positionId: string, note: string | null = null) => ({ id, positionId, subRole: subRoleOf(note) });

describe('team forming by sub-role (Ghi chú)', () => {
  it('reads the sub-roles the plan names, as Mẫu 02 writes them', () => {
    expect(subRoleOf('Phụ trách một cửa')).toBe('mot_cua');
    expect(subRoleOf('Phụ trách chứng thực')).toBe('chung_thuc');
    expect(subRoleOf('phụ trách hộ tịch')).toBe('ho_tich');
    expect(subRoleOf('Phụ trách HĐND và UBND và Văn phòng Đảng ủy')).toBe('hdnd_ubnd');
    expect(subRoleOf('Bộ phận một cửa UBND')).toBe('mot_cua');
    expect(subRoleOf(null, '')).toBeNull();
    expect(subRoleOf('Mới chuyển công tác')).toBeNull();
  });

  it('two VP-TK and two TP-HT go to their own steps, not both to each', () => {
    const a = assignPerformers([
      p(1, 'VP_TK', 'Phụ trách HĐND và UBND'),
      p(2, 'VP_TK', 'Phụ trách một cửa'),
      p(3, 'TP_HT', 'Phụ trách chứng thực'),
      p(4, 'TP_HT', 'Phụ trách hộ tịch'),
      p(5, 'TC_KT'),
      p(6, 'CT_PCT'),
    ]);
    expect(a.steps).toEqual({ 1: [5, 3, 1], 2: [4], 3: [6], 4: [2] });
    expect(a.choices).toEqual([]);
  });

  it('one officer of a split title does both of its steps', () => {
    expect(assignPerformers([p(1, 'VP_TK'), p(2, 'TP_HT', 'Phụ trách chứng thực')]).steps).toEqual({ 1: [2, 1], 2: [2], 3: [], 4: [1] });
  });

  it('the one officer without a note takes the role nobody else has', () => {
    expect(assignPerformers([p(1, 'VP_TK', 'Phụ trách một cửa'), p(2, 'VP_TK')]).steps).toEqual({ 1: [2], 2: [], 3: [], 4: [1] });
  });

  it('two officers of a title and no note that decides: the proctor chooses for both steps', () => {
    const a = assignPerformers([p(1, 'TP_HT'), p(2, 'TP_HT')]);
    expect(a.steps).toEqual({ 1: [], 2: [], 3: [], 4: [] });
    expect(a.choices).toEqual([
      { step: 1, positionId: 'TP_HT', candidates: [1, 2] },
      { step: 2, positionId: 'TP_HT', candidates: [1, 2] },
    ]);
  });

  it('titles outside the six perform no step', () => {
    expect(assignPerformers([{ id: 9, positionId: null, subRole: null }]).steps).toEqual({ 1: [], 2: [], 3: [], 4: [] });
  });
});

describe('titles rosters meet', () => {
  it('recognises titles outside the six as not examined instead of unknown', () => {
    for (const raw of ['Chủ tịch HĐND', 'Phó Chủ tịch HĐND xã', 'Công an xã', 'Trưởng Công an xã', 'Chỉ huy trưởng Quân sự']) {
      expect(matchPosition(raw), raw).toBeNull();
      expect(nonExamTitle(raw), raw).not.toBeNull();
    }
    expect(nonExamTitle('Chủ tịch HĐND')).toBe('Chủ tịch, Phó Chủ tịch HĐND');
    expect(nonExamTitle('Công an xã')).toBe('Công an xã');
    expect(nonExamTitle('Thủ kho')).toBeNull();
    expect(nonExamTitle('Chủ tịch')).toBeNull();
  });

  it('a Địa chính title of the other kind of commune is told apart', () => {
    const xaTitle = matchPosition('ĐC-NN-XD-MT')!;
    const phuongTitle = matchPosition('ĐC-XD-ĐT-MT')!;
    expect(dcTitleMismatch(xaTitle, communeKind('Xã Đại Tâm'))).toBeNull();
    expect(dcTitleMismatch(xaTitle, communeKind('Phường 5'))).toBe('Địa chính - Xây dựng - Đô thị và Môi trường');
    expect(dcTitleMismatch(phuongTitle, communeKind('Thị trấn Mỹ Xuyên'))).toBeNull();
    expect(dcTitleMismatch(phuongTitle, communeKind('Xã Hòa Tú 1'))).toBe('Địa chính - Nông nghiệp - Xây dựng và Môi trường');
    expect(dcTitleMismatch(phuongTitle, null)).toBeNull();
    expect(dcTitleMismatch(matchPosition('Văn phòng - Thống kê')!, 'phuong')).toBeNull();
  });
});

describe('appointment codes follow the portal’s dossier numbers', () => {
  it('accepts agency code, yymmdd and running number; refuses the rest', () => {
    expect(normalizeCode('G22.99-230920-0001')).toBe('G22.99-230920-0001');
    expect(normalizeCode(' g22.99-230920-0001 ')).toBe('G22.99-230920-0001');
    expect(normalizeCode('000.00.21.H56-230920-000123')).toBe('000.00.21.H56-230920-000123');
    for (const bad of ['ABC123', 'G22.99-230920', 'G22.99-231320-0001', 'G22.99-230231-0001', 'G22.99-230920-01', 'G22.99_230920_0001', '']) {
      expect(normalizeCode(bad), bad).toBeNull();
    }
  });
});

describe('the step timer', () => {
  it('says "Còn 5 phút" exactly when the clock reads 05:00, and not over 04:27', () => {
    expect([formatRemaining(300_400), timerState(300_400)]).toEqual(['05:01', { level: 'none', label: 'remaining' }]);
    expect([formatRemaining(300_000), timerState(300_000)]).toEqual(['05:00', { level: 'warn5', label: 'five' }]);
    expect([formatRemaining(299_100), timerState(299_100)]).toEqual(['05:00', { level: 'warn5', label: 'five' }]);
    expect([formatRemaining(267_000), timerState(267_000)]).toEqual(['04:27', { level: 'warn5', label: 'under5' }]);
    expect([formatRemaining(60_000), timerState(60_000)]).toEqual(['01:00', { level: 'warn1', label: 'one' }]);
    expect(timerState(30_000)).toEqual({ level: 'warn1', label: 'under1' });
    expect([formatRemaining(-5), timerState(0)]).toEqual(['00:00', { level: 'end', label: 'end' }]);
  });

  it('writes minutes with a decimal comma', () => {
    expect(formatMinutes(150_000)).toBe('2,5');
    expect(formatMinutes(-60_000)).toBe('-1');
    expect(formatMinutes(100_000)).toBe('1,67');
  });
});

describe('the read-only board link', () => {
  const at = (iso: string) => Date.parse(iso);
  it('is valid until midnight (Vietnam) at the end of the exam day', () => {
    expect(boardValidUntil('2023-09-20', at('2023-09-20T01:00:00Z'))).toBe(at('2023-09-20T17:00:00Z'));
    // Created the day before: still the exam day's end.
    expect(boardValidUntil('2023-09-20', at('2023-09-19T03:00:00Z'))).toBe(at('2023-09-20T17:00:00Z'));
    // No date, or a day already past: today (Vietnam) only.
    expect(boardValidUntil(null, at('2023-09-20T18:30:00Z'))).toBe(at('2023-09-21T17:00:00Z'));
    expect(boardValidUntil('2023-09-01', at('2023-09-20T01:00:00Z'))).toBe(at('2023-09-20T17:00:00Z'));
  });
});
