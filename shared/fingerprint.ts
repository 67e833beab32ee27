// Certificate fingerprints as people compare them: SHA-256 hex in groups of four, uppercase, so
// two officers can read one aloud over the phone and tick the groups off one by one.

/** "ab:cd…" or "ABCD…" → ["ABCD", …] (16 groups for SHA-256). */
export function groupFingerprint(fingerprint: string): string[] {
  const hex = fingerprint.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return hex.match(/.{1,4}/g) ?? [];
}
