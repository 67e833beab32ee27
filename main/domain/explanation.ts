// The explanation ("giải trình") a criterion needs before "Hoàn thành" (doc 001): it must "chỉ dẫn
// rõ các minh chứng chấm điểm tại các tài liệu kiểm chứng đính kèm" — say where in the attached
// evidence the proof is. A machine cannot judge that, but it can refuse what certainly is not:
// too short to name a document and a place in it, or nothing but the criterion's own title
// (with or without its code) pasted back. Pure.
import { stripDiacritics } from './vietnamese';

/** Fewest characters (letters and digits, spaces collapsed) an explanation may have. */
export const MIN_EXPLANATION_LENGTH = 30;
/** Fewest characters that must remain once the criterion's title and code are taken out. */
const MIN_BEYOND_TITLE = 15;

export type ExplanationProblem = 'missing' | 'tooShort' | 'onlyTitle';

/** Lower case, no diacritics, punctuation as spaces, spaces collapsed: how two texts are compared. */
export function normaliseText(s: string): string {
  return stripDiacritics(s.normalize('NFC'))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** What is wrong with an explanation for a criterion (`title`, `code`), or null when it can stand. */
export function explanationProblem(explanation: string, criterion: { code: string; title: string }): ExplanationProblem | null {
  const text = normaliseText(explanation);
  if (!text) return 'missing';
  if (text.length < MIN_EXPLANATION_LENGTH) return 'tooShort';
  const title = normaliseText(criterion.title);
  const code = normaliseText(criterion.code);
  let rest = ` ${text} `;
  if (title) rest = rest.split(` ${title} `).join(' ');
  if (code) rest = rest.split(` ${code} `).join(' ');
  return rest.replace(/\s+/g, ' ').trim().length < MIN_BEYOND_TITLE ? 'onlyTitle' : null;
}
