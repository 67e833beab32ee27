// Folding Vietnamese text for comparison: the one home of the diacritics rule, for main/ (imports,
// file names, matching) and the renderer (filters) alike. Pure.

/**
 * Removes Vietnamese diacritics: "Báo cáo quý I" → "Bao cao quy I", "Đơn" → "Don".
 * Works on NFC and NFD input alike (text pasted from Word or macOS is often decomposed): NFD
 * splits every Vietnamese letter into a base letter plus combining marks (tones, ^, ˘ and the
 * horn of ơ/ư), which are dropped. đ/Đ are separate letters, not marked ones, so they are mapped.
 */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\u0111/g, 'd')
    .replace(/\u0110/g, 'D')
    .normalize('NFC');
}

/**
 * Case-, diacritics- and spacing-insensitive form of a header or label, trailing ":", "." and "*"
 * dropped: "Điểm tối đa:" and "diem  toi da" fold alike ("diem toi da").
 */
export function foldText(s: string): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s:.*]+$/, '')
    .trim();
}
