// Enumerations about the office and its people, shared by the UI and the back end.

export const officeKinds = ['xa', 'phuong', 'thi_tran'] as const;
export type OfficeKind = (typeof officeKinds)[number];

export const roles = ['leader', 'officer', 'proctor', 'admin'] as const;
export type Role = (typeof roles)[number];

/**
 * Positions (chức danh) at a commune People's Committee, as the provincial documents name them
 * (Nghị định 33/2023 lists; the exam plan of doc 000 uses the same titles). The land-administration
 * title differs between xã and phường/thị trấn, so both variants are listed.
 */
export const positions = [
  'Chủ tịch',
  'Phó Chủ tịch',
  'Văn phòng - Thống kê',
  'Tài chính - Kế toán',
  'Văn hóa - Xã hội',
  'Tư pháp - Hộ tịch',
  'Địa chính - Nông nghiệp - Xây dựng và Môi trường',
  'Địa chính - Xây dựng - Đô thị và Môi trường',
  'Chỉ huy trưởng Quân sự',
  'Trưởng Công an',
  'Công chức khác',
] as const;
export type Position = (typeof positions)[number];

/** The People's Committee's chairperson: signs the office's documents, one per commune in Mẫu 01. */
export const CHAIR_POSITION: Position = 'Chủ tịch';
