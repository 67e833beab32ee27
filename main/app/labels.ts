// Vietnamese words of the desktop shell (menu, dialogs). Kept here until they join the shared
// catalogue (shared/i18n/vi.ts) under a `shell` key; nothing outside main/app uses them.
export const shellLabels = {
  menu: {
    file: 'Tệp',
    quit: 'Thoát',
    edit: 'Sửa',
    undo: 'Hoàn tác',
    redo: 'Làm lại',
    cut: 'Cắt',
    copy: 'Sao chép',
    paste: 'Dán',
    selectAll: 'Chọn tất cả',
    view: 'Xem',
    reload: 'Tải lại',
    zoomIn: 'Phóng to',
    zoomOut: 'Thu nhỏ',
    resetZoom: 'Cỡ chữ mặc định',
    fullScreen: 'Toàn màn hình',
    help: 'Trợ giúp',
    about: 'Giới thiệu',
  },
  about: {
    title: 'Giới thiệu',
    version: (v: string) => `Phiên bản ${v}`,
    dataDir: (dir: string) => `Thư mục dữ liệu: ${dir}`,
    close: 'Đóng',
  },
  startupError: {
    title: 'Không khởi động được Kiểm Chứng',
  },
} as const;
