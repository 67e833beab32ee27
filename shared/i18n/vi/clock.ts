// The deadline clock: what users see when the PC clock and the trusted time disagree.
import { formatDateTime } from '../../format';

const span = (ms: number) => {
  const min = Math.round(Math.abs(ms) / 60_000);
  if (min < 120) return `${min} phút`;
  const h = Math.round(min / 60);
  if (h < 48) return `${h} giờ`;
  return `${Math.round(h / 24)} ngày`;
};

export const viClock = {
  title: 'Đồng hồ và thời điểm tin cậy',
  intro:
    'Hạn nộp được tính theo thời điểm tin cậy: không bao giờ sớm hơn thời điểm muộn nhất ứng dụng đã thấy (đồng hồ máy, nhật ký, giờ của máy chủ tỉnh). Vặn lùi đồng hồ máy không mở lại được đợt đã đóng.',
  wall: 'Đồng hồ máy',
  trusted: 'Thời điểm tin cậy',
  behind: (ms: number) => `Đồng hồ máy đang chậm hơn thời điểm tin cậy ${span(ms)}. Hạn nộp và giờ thi vẫn tính theo thời điểm tin cậy.`,
  ahead: (ms: number, trusted: number) =>
    `Thời điểm tin cậy (${formatDateTime(trusted)}) đang đi trước đồng hồ máy ${span(ms)} — có lẽ đồng hồ máy từng bị đặt sai. Các việc có hạn đang bị tính là đã quá hạn. Lãnh đạo có thể đưa thời điểm tin cậy về đúng ở Cài đặt → Đồng hồ.`,
  lastJump: (at: number, note: string) => `Lần thay đổi đồng hồ gần nhất (${formatDateTime(at)}): ${note}`,
  resetByReceiver: 'Lấy giờ của máy chủ tỉnh',
  resetByReason: 'Đưa về đồng hồ máy (ghi lý do)',
  reasonLabel: 'Lý do (ghi vào nhật ký và vào gói hồ sơ gửi tỉnh)',
  reasonHint: 'Ví dụ: Máy bị đặt nhầm sang năm 2027 ngày 12/03, đã chỉnh lại theo giờ đài phát thanh.',
  resetDone: (to: number) => `Đã đưa thời điểm tin cậy về ${formatDateTime(to)}. Việc này đã ghi nhật ký và sẽ ghi vào gói hồ sơ tiếp theo.`,
  resets: 'Các lần đưa thời điểm tin cậy về',
  resetLine: (at: number, from: number, to: number, who: string, reason: string) =>
    `${formatDateTime(at)}: từ ${formatDateTime(from)} về ${formatDateTime(to)} — ${who} — ${reason}`,
  nothingToReset: 'Thời điểm tin cậy không đi trước đồng hồ máy: không có gì cần đưa về.',
  fixClockFirst: (wall: number, receiver: number) =>
    `Đồng hồ máy (${formatDateTime(wall)}) lệch với giờ của máy chủ tỉnh (${formatDateTime(receiver)}). Hãy chỉnh đồng hồ máy cho đúng trước, rồi làm lại.`,
  noReceiver: 'Chưa kết nối với máy chủ tỉnh: hãy ghi lý do để đưa thời điểm tin cậy về đồng hồ máy.',
  receiverUnreachable: (why: string) => `Không lấy được giờ của máy chủ tỉnh: ${why} Có thể ghi lý do để đưa về đồng hồ máy.`,
  useReceiver: 'Máy chủ tỉnh đang liên lạc được: hãy dùng giờ của máy chủ tỉnh thay vì ghi lý do.',
  reasonTooShort: 'Lý do cần ghi rõ (ít nhất 20 ký tự): vì sao đồng hồ sai và đã chỉnh theo đâu.',
  bagInfoReset: (at: number, from: number, to: number, who: string, source: string, reason: string) =>
    `${formatDateTime(at)}: thời điểm tin cậy đưa từ ${formatDateTime(from)} về ${formatDateTime(to)}; ${who}; ${source}; ${reason}`,
  sourceReceiver: 'theo giờ máy chủ tỉnh',
  sourceReason: 'không có giờ bên ngoài, theo lý do ghi',
  // The province's window rule
  closeIsProvinces: (closesAt: number) =>
    `Hạn nộp ${formatDateTime(closesAt)} do tỉnh quy định đã qua: xã không thể dời hạn. Để làm tiếp, cần tỉnh cho mở đợt bổ sung (nhập số văn bản của tỉnh khi mở).`,
  instructionRequired: 'Cần ghi số, ngày của văn bản tỉnh cho phép mở đợt bổ sung (ví dụ: Công văn số 1234/SNV-CCHC ngày 10/10/2023).',
  instructionLabel: 'Văn bản của tỉnh cho phép (số, ngày)',
  bagInfoSupplementary: (codes: string, opens: number, closes: number, ref: string) =>
    `tiêu chí ${codes}; từ ${formatDateTime(opens)} đến ${formatDateTime(closes)}; theo ${ref}`,
} as const;
