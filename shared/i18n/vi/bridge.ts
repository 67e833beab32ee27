// The few texts the Electron preload needs (it answers for the back end when IPC itself fails).
// Their own file so the sandboxed preload bundle takes these strings, not the whole catalogue.
export const viBridge = {
  network: 'Không kết nối được với phần xử lý của ứng dụng. Hãy kiểm tra ứng dụng còn chạy.',
  unknownMethod: (m: string) => `Yêu cầu không hợp lệ: không có chức năng "${m}".`,
  uploadFailed: 'Tải tệp lên không thành công. Hãy thử lại.',
} as const;
