// Joining another PC's office server from the desktop app ("Kết nối tới máy chủ văn phòng"): the
// status and the connect/disconnect actions the API offers. The link itself (pinning, the HTTPS
// client, forwarding the window's calls) lives in main/host/office-link.ts; the desktop shell
// registers it here, so browser mode and the CLI answer that joining is the desktop app's.
import type { Services } from './context';
import { ApiError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import type { JoinStatus } from '../../shared/api/lan-schemas';

export interface OfficeLinkControl {
  status(): JoinStatus;
  connect(address: string, shortCode: string): Promise<JoinStatus>;
  disconnect(): Promise<JoinStatus>;
}

const links = new WeakMap<Services, OfficeLinkControl>();
export const registerOfficeLink = (s: Services, c: OfficeLinkControl) => void links.set(s, c);

const NOT_DESKTOP: JoinStatus = { available: false, connected: false, origin: null, shortCode: null };

export const joinStatus = (s: Services): JoinStatus => links.get(s)?.status() ?? NOT_DESKTOP;

function requireLink(s: Services): OfficeLinkControl {
  const c = links.get(s);
  if (!c) throw new ApiError('CONFLICT', vi.officeNetwork.joinDesktopOnly);
  return c;
}

export const joinOfficeServer = (s: Services, address: string, shortCode: string) => requireLink(s).connect(address, shortCode);
export const leaveOfficeServer = (s: Services) => requireLink(s).disconnect();
