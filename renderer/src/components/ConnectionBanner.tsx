// Says at once that the server cannot be reached (the office PC switched off, the LAN down), and
// that what is typed is kept; it disappears as soon as the server answers again.
import { useOnline } from '../api/connection';
import { vi } from '../../../shared/i18n/vi';

export function ConnectionBanner() {
  const online = useOnline();
  if (online) return null;
  return (
    <div className="alert alert--error connection-banner" role="alert">
      {vi.officeNetwork.offline}
    </div>
  );
}
