// The deadline clock, where people look first (the home page): a PC clock behind the trusted
// time, or a trusted time that ran ahead (then deadlines count as passed until a leader resets it).
import { call } from '../api/client';
import { useLoad } from './useLoad';
import { AHEAD_SHOWN_MS } from './clock-limits';
import { vi } from '../../../shared/i18n/vi';

export function ClockNotice() {
  const { data } = useLoad(() => call('clock.status', {}), []);
  if (!data) return null;
  if (data.aheadMs > AHEAD_SHOWN_MS) {
    return (
      <div className="alert alert--warn" role="status">
        ⚠ {vi.clock.ahead(data.aheadMs, data.trusted)} <a href="#/settings">{vi.nav.settings}</a>
      </div>
    );
  }
  return null;
}
