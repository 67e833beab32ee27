// Vietnamese text helpers. Pure.

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
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}
