// How two spellings of a name compare equal: Unicode form, spacing, case and the old and new tone
// placement ("Hoà" / "Hòa"), and a commune's kind written or not. The letters below are data of the
// rule, not messages (test/unit/main-catalogue.test.ts lists this file as such). Pure: no I/O.

/**
 * Old and new tone placement ("Hoà" / "Hòa", "Thuý" / "Thúy") both occur in names and commune
 * names; for comparison the tone goes on the first vowel of a final oa/oe/uy.
 */
const TONE_MOVE: Record<string, string> = {
  oà: 'òa',
  oá: 'óa',
  oả: 'ỏa',
  oã: 'õa',
  oạ: 'ọa',
  oè: 'òe',
  oé: 'óe',
  oẻ: 'ỏe',
  oẽ: 'õe',
  oẹ: 'ọe',
  uỳ: 'ùy',
  uý: 'úy',
  uỷ: 'ủy',
  uỹ: 'ũy',
  uỵ: 'ụy',
};
const TONE_RE = /(?:o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])(?!\p{L})/gu;
const TONE_HINT = /o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]/;
const SPACES = /\s{2,}|[^\S ]|^ | $/;

/** Decomposed marks: only text containing one can change under NFC (for Vietnamese script). */
export const COMBINING = /[\u0300-\u036f]/;

/** NFC, lowercase, single spaces, one tone placement: the form two spellings of a name share. */
export function foldKey(s: string): string {
  // The importer calls this for every row: each step runs only when the text needs it.
  let k = s;
  if (COMBINING.test(k)) k = k.normalize('NFC');
  if (SPACES.test(k)) k = k.replace(/\s+/g, ' ').trim();
  return foldCleanKey(k);
}

/** foldKey for text already NFC with single spaces (as the importer stores it): case and tone only. */
export function foldCleanKey(s: string): string {
  const k = s.toLowerCase();
  return TONE_HINT.test(k) ? k.replace(TONE_RE, (m) => TONE_MOVE[m] ?? m) : k;
}

/** "Xã Hòa Tú 1", "xã  Hoà Tú 1" and "Hòa Tú 1" are the same commune. */
export function communeKey(name: string): string {
  return foldKey(name).replace(/^(xã|phường|thị trấn|tt\.?|x\.|p\.)\s*/, '');
}
