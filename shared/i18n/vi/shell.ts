// The desktop shell and the machine around the app: the app:// protocol's plain answers, drive
// names, the clock monitor's notes, a missing resources folder.
import { formatDateTime } from '../../format';

const minutes = (ms: number) => Math.round(Math.abs(ms) / 60_000);

export const viShell = {
  protocol: {
    methodNotAllowed: 'Phương thức không được hỗ trợ.',
    notFound: 'Không tìm thấy.',
    fileGone: 'Tệp không còn (liên kết đã hết hạn). Hãy mở lại từ ứng dụng.',
    /** The HTTP host's answers to an API call it cannot read (main/host/request-handler.ts). */
    tooLarge: 'Yêu cầu quá lớn.',
    notJson: 'Yêu cầu không phải JSON hợp lệ.',
  },
  drives: {
    /** Label of a Windows drive without a volume name. */
    driveLetter: (letter: string) => `Ổ đĩa ${letter}`,
    /** Label of a Windows drive with a volume name: "KINGSTON (E:)". */
    namedDrive: (name: string, letter: string) => `${name} (${letter})`,
  },
  clockMonitor: {
    turnedBackWhileClosed: (aheadMs: number, trusted: number) =>
      `Đồng hồ máy lùi ${minutes(aheadMs)} phút so với thời điểm tin cậy gần nhất (${formatDateTime(trusted)}). Các bước thi vẫn tính theo thời điểm tin cậy.`,
    jumped: (deltaMs: number, wall: number) =>
      `Đồng hồ máy ${deltaMs > 0 ? 'nhảy tới' : 'lùi lại'} ${minutes(deltaMs)} phút lúc ${formatDateTime(wall)}. Các bước thi vẫn tính theo thời điểm tin cậy.`,
  },
  /** Browser mode started without a built front end (main/host/server.ts). */
  rendererMissing: (dir: string) => `Không thấy giao diện đã build ở ${dir}. Hãy chạy: npm run build`,
  resourcesMissing: (marker: string, tried: string[]) => `Không tìm thấy thư mục resources (cần ${marker}); đã tìm: ${tried.join(', ')}`,
  /** The whole request body, when a zod issue has no path. */
  rootPath: '(gốc)',
} as const;
