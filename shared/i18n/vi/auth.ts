// Log-in limits: what a user sees when guessing is slowed down or an account is locked.
import { formatDateTime } from '../../format';

const waitText = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return s < 90 ? `${s} giây` : `${Math.ceil(s / 60)} phút`;
};

export const viAuth = {
  tooManyAttempts: (retryAfterMs: number) => `Đăng nhập sai nhiều lần liên tiếp. Hãy chờ ${waitText(retryAfterMs)} rồi thử lại.`,
  accountLocked: (until: number) =>
    `Tài khoản tạm khóa đến ${formatDateTime(until)} vì nhập sai mật khẩu nhiều lần. Chờ đến lúc đó, hoặc nhờ lãnh đạo/quản trị mở khóa ở trang Người dùng.`,
  clientSlowed: (retryAfterMs: number) => `Máy này đã đăng nhập sai quá nhiều lần. Hãy chờ ${waitText(retryAfterMs)} rồi thử lại.`,
  wrongPassword: 'Mật khẩu không đúng.',
  wrongUnlock: (left: number) => `Mật khẩu không đúng. Còn ${left} lần thử trước khi phiên kết thúc.`,
  sessionEndedAfterUnlocks: (n: number) => `Nhập sai mật khẩu ${n} lần nên phiên làm việc đã kết thúc. Hãy đăng nhập lại.`,
  loginLocked: (until: string) => `Tạm khóa đăng nhập đến ${until}`,
  loginFailures: (n: number) => `${n} lần đăng nhập sai`,
  unlockLogin: 'Mở khóa đăng nhập',
  unlockedLogin: (name: string) => `Đã mở khóa đăng nhập cho ${name}.`,
  notLocked: 'Tài khoản này không bị khóa đăng nhập.',
} as const;
