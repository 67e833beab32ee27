// The desktop app seals the signing key with the OS keychain (Electron safeStorage) — no
// passphrase to type, and the key file is useless to another OS user or computer. safeStorage
// itself only exists inside Electron, so it is stood in for by what it is: authenticated
// encryption under a secret that belongs to one OS user. Everything else is the real code path:
// the identity service, the router, the key files on disk, a real signature.
import { afterEach, describe, expect, it } from 'vitest';
import { createCipheriv, createDecipheriv, randomBytes, sign, verify, createPublicKey } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { keychainFrom, type SafeStorageLike } from '../../main/app/keychain';
import { openIdentity } from '../../main/services/submission/identity';
import { cleanup, openTestApp, setUpOffice, tempDir, type TestApp } from '../helpers/services';
import { messages } from '../../main/services/package-format/messages';
import { vi } from '../../shared/i18n/vi';

/** One OS user's secret store, as DPAPI/Keychain/libsecret behave: AES-GCM under that user's secret. */
function osUser(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  const secret = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString(sealed) {
      const d = createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(cleanup));

/** A data folder opened as the desktop app would, with this OS user's keychain (or none). */
const desktop = (dir: string, safe: SafeStorageLike | null): TestApp => openTestApp(dir, { keychain: safe ? keychainFrom(safe, 'linux') : null });

describe('keychainFrom (Electron safeStorage)', () => {
  it('counts Linux\'s "basic_text" fallback (a fixed, public password) as no keychain', () => {
    expect(keychainFrom(osUser('gnome_libsecret'), 'linux').isAvailable()).toBe(true);
    expect(keychainFrom(osUser('kwallet6'), 'linux').isAvailable()).toBe(true);
    expect(keychainFrom(osUser('basic_text'), 'linux').isAvailable()).toBe(false);
    expect(keychainFrom(osUser('basic_text'), 'win32').isAvailable()).toBe(true); // DPAPI; the backend name is Linux-only
    expect(keychainFrom(osUser('gnome_libsecret', false), 'darwin').isAvailable()).toBe(false);
  });
});

describe('the signing key in the desktop app', () => {
  it('is created without a passphrase, sealed by the keychain, and signs', async () => {
    const dir = tempDir('kc-keychain-');
    dirs.push(dir);
    const user = osUser();
    const app = desktop(dir, user);
    const token = await setUpOffice(app);
    const before = await app.call('keys.status', {}, token);
    expect(before).toMatchObject({ present: false, keychainAvailable: true, protector: null });
    const st = await app.call('keys.create', {}, token);
    expect(st).toMatchObject({ present: true, kind: 'self-issued', protector: 'os-keychain', keychainAvailable: true });

    // On disk: only sealed bytes — neither the PKCS#8 DER nor its base64 appear in any file.
    const identity = await openIdentity(app.s, undefined);
    const der = identity.privateKey.export({ type: 'pkcs8', format: 'der' });
    const keyDir = path.join(dir, 'keys');
    for (const f of readdirSync(keyDir)) {
      const bytes = readFileSync(path.join(keyDir, f));
      expect(bytes.includes(der.subarray(0, 64)), f).toBe(false);
      expect(bytes.includes(Buffer.from(der.toString('base64').slice(0, 64))), f).toBe(false);
      expect(bytes.toString('latin1')).not.toMatch(/PRIVATE KEY/);
    }
    const sig = sign('sha256', Buffer.from('Bảng tổng hợp'), identity.privateKey);
    expect(verify('sha256', Buffer.from('Bảng tổng hợp'), createPublicKey(identity.certificatePem), sig)).toBe(true);
    app.close();

    // Another OS user (or computer), or browser mode on the same folder: the key does not open.
    const other = desktop(dir, osUser());
    await expect(openIdentity(other.s, undefined)).rejects.toMatchObject({ code: 'BAD_CREDENTIALS', message: messages.keys.keychainFailed });
    other.close();
    const browser = desktop(dir, null);
    await expect(openIdentity(browser.s, 'any passphrase')).rejects.toMatchObject({ code: 'BAD_CREDENTIALS', message: messages.keys.keychainFailed });
    browser.close();
    // The same user again: it opens.
    const again = desktop(dir, user);
    expect((await openIdentity(again.s, undefined)).certificatePem).toBe(identity.certificatePem);
    again.close();
  });

  it('where the keychain is no protection (Linux basic_text), asks for a passphrase as in browser mode', async () => {
    const dir = tempDir('kc-keychain-');
    dirs.push(dir);
    const app = desktop(dir, osUser('basic_text'));
    const token = await setUpOffice(app);
    expect(await app.call('keys.status', {}, token)).toMatchObject({ keychainAvailable: false });
    const err = await app.fail('keys.create', {}, token);
    expect(err).toMatchObject({ code: 'VALIDATION', message: vi.keys.passphraseNeeded });
    const st = await app.call('keys.create', { passphrase: 'mật khẩu bảo vệ 2026' }, token);
    expect(st).toMatchObject({ protector: 'passphrase' });
    await expect(openIdentity(app.s, undefined)).rejects.toMatchObject({ code: 'BAD_CREDENTIALS', message: vi.keys.passphraseToSign });
    await expect(openIdentity(app.s, 'sai mật khẩu')).rejects.toMatchObject({ code: 'BAD_CREDENTIALS', message: messages.keys.badPassphrase });
    expect((await openIdentity(app.s, 'mật khẩu bảo vệ 2026')).privateKey.type).toBe('private');
    app.close();
  });
});
