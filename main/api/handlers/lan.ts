// Office network mode: serving (the settings screen's status, turning network access on and off)
// and joining another PC's server from the desktop app.
import type { Router } from '../router';
import { disableLan, enableLan, lanStatus } from '../../services/lan-access';
import { joinOfficeServer, joinStatus, leaveOfficeServer } from '../../services/office-link';

export function registerLan(r: Router): void {
  r.register('lan.status', (_input, { s }) => lanStatus(s));
  r.register('lan.enable', (_input, { s, actor }) => enableLan(s, actor));
  r.register('lan.disable', (_input, { s, actor }) => disableLan(s, actor));
  r.register('join.status', (_input, { s }) => joinStatus(s));
  r.register('join.connect', ({ address, shortCode }, { s }) => joinOfficeServer(s, address, shortCode));
  r.register('join.disconnect', (_input, { s }) => leaveOfficeServer(s));
}
