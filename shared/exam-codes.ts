// The exam plan's codes that both sides name: stored in the database and in files as these keys,
// shown only through the catalogue (vi.examUi), which must label every one of them.

/** The plan's six exam groups (exam-plan.json `positions`). */
export const EXAM_POSITION_IDS = ['CT_PCT', 'VP_TK', 'TC_KT', 'VH_XH', 'TP_HT', 'DC'] as const;
export type ExamPositionId = (typeof EXAM_POSITION_IDS)[number];

/** Mẫu 03's three reasons for not taking part (exclusions.reasons). */
export const EXCLUSION_CODES = ['tap_su', 'thai_san', 'khac'] as const;
export type ExclusionCode = (typeof EXCLUSION_CODES)[number];

export type GenderCode = 'nam' | 'nu';
