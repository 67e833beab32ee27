// Office network mode: serving the office copy over the LAN, joining it, and several people at once.
import { formatTime, formatPoints } from '../../format';

export const viOfficeNetwork = {
  // Settings → serving the office
  title: 'Cho phép máy khác trong văn phòng truy cập',
  intro:
    'Máy này giữ bản dữ liệu duy nhất của văn phòng. Khi bật, các máy khác trong mạng nội bộ (không cần Internet) mở được ứng dụng qua HTTPS và mỗi người đăng nhập bằng tài khoản của mình.',
  enable: 'Bật truy cập từ máy khác',
  disable: 'Tắt truy cập từ máy khác',
  enabled: 'Đang cho phép truy cập từ máy khác.',
  disabled: 'Chưa cho phép truy cập từ máy khác.',
  notAvailable: 'Chế độ này chỉ bật được trên máy chủ văn phòng (ứng dụng trên máy tính hoặc lệnh kiemchung serve).',
  addresses: 'Địa chỉ để gõ trên các máy khác',
  noAddress: 'Máy này chưa có địa chỉ mạng nội bộ (chưa cắm mạng hoặc chưa bật Wi-Fi).',
  shortCode: 'Mã kiểm tra chứng thư',
  fingerprint: 'Dấu vân tay SHA-256 đầy đủ',
  browserHelp:
    'Mở bằng trình duyệt (Chrome, Edge, Cốc Cốc): lần đầu trình duyệt báo "Kết nối không riêng tư" vì chứng thư do chính máy này tự cấp. Trước khi bấm "Nâng cao → Tiếp tục", bấm vào biểu tượng cảnh báo cạnh địa chỉ → Chứng chỉ → xem "Dấu vân tay SHA-256": phải bắt đầu bằng đúng mã kiểm tra ở trên. Khác mã thì đừng tiếp tục và báo người quản trị.',
  desktopHelp:
    'Ứng dụng trên máy tính: chọn "Kết nối tới máy chủ văn phòng", gõ địa chỉ và mã kiểm tra; ứng dụng ghi nhớ chứng thư và từ chối nếu chứng thư đổi.',
  remoteSessions: (n: number) => (n ? `${n} phiên đăng nhập từ máy khác đang mở.` : 'Chưa có ai đăng nhập từ máy khác.'),
  turnedOn: 'Đã bật truy cập từ máy khác trong văn phòng.',
  turnedOff: (n: number) => `Đã tắt truy cập từ máy khác; ${n} phiên đăng nhập từ máy khác đã kết thúc.`,
  portInUse: (port: number) => `Cổng ${port} đang được dùng trên máy này. Hãy chọn cổng khác (kiemchung serve --lan --port 4444).`,
  badAddress: (addr: string) => `Không mở được địa chỉ ${addr} trên máy này (máy không có địa chỉ đó).`,
  notOnNetwork: 'Chức năng này chỉ dùng được trên máy chủ văn phòng, không dùng từ máy khác.',

  // Several people at once
  conflict: (name: string, at: number) => `Đ/c ${name} vừa sửa mục này lúc ${formatTime(at)} — tải lại để xem`,
  conflictSomeone: 'người khác',
  savedValue: (v: string) => `Bản đã lưu: ${v}`,
  yourValue: (v: string) => `Bản của bạn: ${v}`,
  pointsValue: (p: number | null, na: boolean) => (na ? 'Không phát sinh nhiệm vụ' : p === null ? '(chưa chấm)' : formatPoints(p)),
  emptyValue: '(để trống)',
  conflictTitle: 'Có người vừa sửa tiêu chí này',
  conflictField: { points: 'Điểm tự chấm', explanation: 'Giải trình', naReason: 'Lý do không phát sinh' } as Record<string, string>,
  conflictSaved: 'Bản đã lưu trên máy chủ',
  conflictYours: 'Bản bạn đang gõ (chưa lưu)',
  reload: 'Tải lại bản đã lưu',
  keepMine: 'Giữ bản của tôi (ghi đè)',

  // The connection to the office server
  offline:
    'Mất kết nối tới máy chủ văn phòng. Chữ bạn đang gõ vẫn được giữ trên máy này và sẽ tự gửi khi kết nối lại — đừng đóng trình duyệt cho tới khi thấy "Đã lưu".',
  offlineSaving: 'Chưa lưu được (mất kết nối) — đang giữ trên máy này, sẽ tự gửi lại.',
  backOnline: 'Đã kết nối lại với máy chủ văn phòng.',

  // Joining from another PC (desktop app)
  joinTitle: 'Kết nối tới máy chủ văn phòng',
  joinIntro:
    'Máy này không giữ dữ liệu riêng: dùng chung bản dữ liệu của máy chủ văn phòng qua mạng nội bộ. Hỏi người quản trị địa chỉ và mã kiểm tra (ở Cài đặt của máy chủ).',
  joinAddress: 'Địa chỉ máy chủ',
  joinAddressHint: 'Ví dụ: https://192.168.1.10:4343',
  joinCode: 'Mã kiểm tra chứng thư',
  joinCodeHint: '16 chữ số/chữ cái, ví dụ 3F2A-91BC-0D7E-55A1',
  joinSubmit: 'Kết nối',
  joined: (origin: string, code: string) => `Đang dùng máy chủ văn phòng ${origin} (mã kiểm tra ${code}).`,
  leave: 'Ngắt kết nối, dùng dữ liệu trên máy này',
  joinDesktopOnly: 'Chỉ ứng dụng trên máy tính mới kết nối tới máy chủ văn phòng; trên trình duyệt, hãy mở thẳng địa chỉ của máy chủ.',
  badShortCode: 'Mã kiểm tra gồm 16 chữ số/chữ cái (0–9, A–F), ví dụ 3F2A-91BC-0D7E-55A1.',
  badServerAddress: 'Địa chỉ máy chủ không đúng dạng. Ví dụ: https://192.168.1.10:4443',
  codeMismatch: (got: string) =>
    `Máy ở địa chỉ này có mã kiểm tra ${got}, không khớp với mã bạn gõ. Hãy hỏi lại mã trên màn hình Cài đặt của máy chủ văn phòng; nếu vẫn khác, đừng kết nối — có thể đó không phải máy chủ của văn phòng.`,
  certChanged: (got: string) =>
    `Chứng thư của máy chủ văn phòng đã thay đổi (mã mới ${got}). Nếu máy chủ vừa được cài lại hoặc thay máy, hãy hỏi mã mới và kết nối lại. Nếu không ai thay máy, đừng tiếp tục: có thể có máy khác đang giả danh máy chủ văn phòng. Ứng dụng đã từ chối kết nối.`,
  unreachable: (addr: string) =>
    `Không kết nối được tới máy chủ văn phòng ${addr}. Kiểm tra máy chủ đã bật và đang cho phép truy cập, và máy này cùng mạng nội bộ.`,
  // `kiemchung serve --lan` (main/host/lan-cli.ts)
  cli: {
    badPort: (port: string | undefined) => `Cổng không hợp lệ: ${port}`,
    heading: 'Cho phép máy khác trong văn phòng truy cập (HTTPS):',
    noAddress: '  (máy này chưa có địa chỉ mạng nội bộ)',
    shortCode: (code: string) => `Mã kiểm tra chứng thư: ${code}`,
    fingerprint: (fp: string) => `Dấu vân tay SHA-256: ${fp}`,
    compareHint: 'Trên máy khác, trước khi bấm "Tiếp tục" ở cảnh báo chứng thư, hãy so dấu vân tay SHA-256 với mã trên.',
  },
} as const;
