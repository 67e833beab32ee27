// Rules of the self-assessment as users meet them: a self-score that cannot be (domain/scoring.ts)
// and an action outside the window (domain/deadline.ts).
import { formatDateTime, formatPoints } from '../../format';

export const viScoring = {
  notANumber: 'Điểm tự chấm không hợp lệ (phải là một số).',
  noMax: 'Tiêu chí này chưa có điểm tối đa trong bộ tiêu chí nên không chấm điểm được; hãy bổ sung điểm tối đa cho bộ tiêu chí.',
  negative: 'Điểm tự chấm không được âm.',
  aboveMax: (p: number, max: number) => `Điểm tự chấm ${formatPoints(p)} vượt điểm tối đa ${formatPoints(max)} của tiêu chí.`,
  notOnStep: (p: number) => `Điểm tự chấm ${formatPoints(p)} không hợp lệ: điểm phải là bội số của 0,25 (ví dụ 0,25; 0,5; 0,75).`,
} as const;

/** The default rating bands' names (domain/scoring.ts DEFAULT_RATING_BANDS), printed as "Xếp loại: Khá". */
export const viRatingBands = {
  excellent: 'Xuất sắc',
  good: 'Tốt',
  fair: 'Khá',
  average: 'Trung bình',
  weak: 'Yếu',
} as const satisfies Record<'excellent' | 'good' | 'fair' | 'average' | 'weak', string>;

export const viDeadline = {
  notOpenYet: (opensAt: number) => `Chưa đến thời gian tự đánh giá (mở lúc ${formatDateTime(opensAt)}).`,
  closed: (closesAt: number) => `Đã hết hạn tự đánh giá lúc ${formatDateTime(closesAt)}; mọi thay đổi đều bị khóa.`,
  onlySupplementaryFor: (codes: string) => ` Hiện chỉ mở đánh giá bổ sung cho tiêu chí ${codes}.`,
  supplementaryOpensAt: (at: number) => ` Đợt đánh giá bổ sung cho tiêu chí này mở lúc ${formatDateTime(at)}.`,
  supplementaryClosed: (at: number) => ` Đợt đánh giá bổ sung cho tiêu chí này đã kết thúc lúc ${formatDateTime(at)}.`,
  windowInvalidTime: 'Thời điểm mở và thời điểm hết hạn phải là ngày giờ hợp lệ.',
  windowOrder: (opensAt: number, closesAt: number) => `Thời điểm hết hạn (${formatDateTime(closesAt)}) phải sau thời điểm mở (${formatDateTime(opensAt)}).`,
} as const;
