// Secrets the receiver hands out (client tokens, operator tokens, enrollment codes) are random,
// shown once, and stored only as their SHA-256.
import { createHash, randomBytes } from 'node:crypto';

export const sha256Text = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** 32 random bytes, base64url (43 characters). */
export const newToken = () => randomBytes(32).toString('base64url');

/** Crockford base32: no I, L, O, U, so a code read over the phone cannot be misheard as another. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time enrollment code: 16 base32 characters (80 bits) in groups of four, e.g. `7K2M-Q9TB-…`. */
export function newEnrollCode(): string {
  const bytes = randomBytes(16);
  let s = '';
  for (let i = 0; i < 16; i++) s += ALPHABET[bytes[i]! & 31];
  return s.match(/.{4}/g)!.join('-');
}

/** What a typed code is compared by: upper case, no spaces or dashes, O→0, I/L→1. */
export const normaliseEnrollCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');

export const enrollCodeHash = (code: string) => sha256Text(`enroll:${normaliseEnrollCode(code)}`);

/** The Bearer token of an Authorization header, or null. */
export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}
