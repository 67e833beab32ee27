// The enrollment's bearer token at rest (sync_connection.client_token). The desktop app seals it
// with the OS keychain, as it seals the signing key (key-store.ts keychainProtector): a copy of
// the database alone then cannot send as this office. Browser mode and the CLI have no keychain,
// and a passphrase cannot protect it — the outbox must send unattended, after a restart, with no
// one there to type it — so there it stays as the receiver issued it, guarded like the rest of the
// data folder (see README, "Sending to the province"). It is never logged or returned by the API.
import type { Services } from '../context';
import { SyncFault } from './faults';
import type { Connection } from './connection';
import { vi } from '../../../shared/i18n/vi';

const SEALED = 'kc-os1:';

/** What to store for a token the receiver just issued. */
export function sealToken(s: Services, token: string): string {
  const k = s.keychain;
  return k?.isAvailable() ? SEALED + k.encryptString(token).toString('base64') : token;
}

export const isSealed = (stored: string) => stored.startsWith(SEALED);

/** The connection with its token opened; a fault (shown on the package) when this process cannot open it. */
export function openConnection(s: Services, c: Connection): Connection {
  if (!isSealed(c.client_token)) return c;
  const k = s.keychain;
  if (!k?.isAvailable()) throw new SyncFault('local', vi.sync.faults.tokenSealed);
  try {
    return { ...c, client_token: k.decryptString(Buffer.from(c.client_token.slice(SEALED.length), 'base64')) };
  } catch {
    throw new SyncFault('local', vi.sync.faults.tokenSealed);
  }
}
