// The OS secret store for the signing key: Electron's safeStorage (DPAPI on Windows, Keychain on
// macOS, libsecret/kwallet on Linux). On Linux with no secret service, safeStorage falls back to
// a fixed, publicly known password ("basic_text") — no protection at all — so that counts as
// unavailable and the key is sealed with a passphrase instead.
import type { OsKeychain } from '../services/package-format/key-store';

/** The part of Electron's safeStorage used here (a parameter, so it can be tested without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export function keychainFrom(safe: SafeStorageLike, platform: NodeJS.Platform = process.platform): OsKeychain {
  return {
    isAvailable() {
      if (!safe.isEncryptionAvailable()) return false;
      return !(platform === 'linux' && safe.getSelectedStorageBackend?.() === 'basic_text');
    },
    encryptString: (plain) => safe.encryptString(plain),
    decryptString: (sealed) => safe.decryptString(sealed),
  };
}
