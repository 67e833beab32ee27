// `kiemchung serve --lan`: registers the office network listener and starts it when asked (or
// when a leader left it on in Cài đặt), printing what the other PCs need: the address(es) and the
// certificate's short code to compare.
import type { Router } from '../api/router';
import type { Services } from '../services/context';
import { enableLan, lanWanted } from '../services/lan-access';
import { SYSTEM_ACTOR } from '../services/context';
import { createLanController, DEFAULT_LAN_PORT } from './lan-controller';
import { viOfficeNetwork } from '../../shared/i18n/vi/office-network';

const t = viOfficeNetwork.cli;

export interface ServeLanFlags {
  lan?: boolean | undefined;
  host?: string | undefined;
  port?: string | undefined;
}

export function parseLanPort(flags: ServeLanFlags): number {
  const port = flags.lan && flags.port !== undefined ? Number(flags.port) : DEFAULT_LAN_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(t.badPort(flags.port));
  return port;
}

/** Returns the lines to print (none when network access stays off). */
export async function serveLan(services: Services, router: Router, rendererDir: string, flags: ServeLanFlags): Promise<string[]> {
  createLanController({ services, router, rendererDir, host: flags.host, port: parseLanPort(flags) });
  if (!flags.lan && !lanWanted(services)) return [];
  const st = await enableLan(services, SYSTEM_ACTOR);
  return [
    t.heading,
    ...(st.urls.length ? st.urls.map((u) => `  ${u}`) : [t.noAddress]),
    t.shortCode(st.shortCode ?? ''),
    t.fingerprint(st.fingerprint ?? ''),
    t.compareHint,
  ];
}
