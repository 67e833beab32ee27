// The passphrase that opens the office's signing key — asked only when the key is sealed with one.
// In the desktop app the key is sealed by the OS keychain and nothing is typed to sign.
import { call } from '../api/client';
import { Field } from './form';
import { useLoad } from './useLoad';
import { vi } from '../../../shared/i18n/vi';

/** Whether signing needs a typed passphrase (true until the key's protection is known). */
export function useSigningNeedsPassphrase(): boolean {
  const { data } = useLoad(() => call('keys.status', {}), []);
  // No key yet but a keychain: the key about to be created will be sealed by it.
  return !(data?.protector === 'os-keychain' || (data?.protector === null && data.keychainAvailable));
}

export function SigningPassphraseField({ needed, value, onChange }: { needed: boolean; value: string; onChange: (v: string) => void }) {
  if (!needed) return <p className="muted small">{vi.packagesUi.keychainSigns}</p>;
  return (
    <Field label={vi.packagesUi.passphrase}>
      {(id) => <input id={id} type="password" value={value} onChange={(e) => onChange(e.target.value)} autoComplete="current-password" />}
    </Field>
  );
}
