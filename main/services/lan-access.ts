// Office network mode, the service side: whether this PC serves the office copy to the LAN, and
// turning it on and off (audited). The listener itself lives in main/host (it needs the router
// and the renderer build); whoever starts the app (CLI serve, the desktop shell) registers it here.
import type { Services, Actor } from './context';
import { appendAudit } from './audit';
import { currentRemoteAddress } from './request-origin';
import { ApiError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import type { LanStatus } from '../../shared/api/lan-schemas';

export interface LanListenerState {
  running: boolean;
  urls: string[];
  port: number | null;
  fingerprint: string | null;
  shortCode: string | null;
}

/** The listener, as the host implements it. */
export interface LanListenerControl {
  state(): LanListenerState;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const controls = new WeakMap<Services, LanListenerControl>();
export const registerLanControl = (s: Services, c: LanListenerControl) => void controls.set(s, c);

const SETTING_KEY = 'lanAccess';

/** Whether a leader left network access on (it comes back on at the next start). */
export function lanWanted(s: Services): boolean {
  const row = s.db.first(s.db.q.selectFrom('settings').select('value').where('key', '=', SETTING_KEY));
  return row ? (JSON.parse(row.value) as { enabled?: boolean }).enabled === true : false;
}

function remember(s: Services, enabled: boolean): void {
  const value = JSON.stringify({ enabled });
  s.db.run(
    s.db.q
      .insertInto('settings')
      .values({ key: SETTING_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value })),
  );
}

const colonHex = (hex: string) => (hex.toUpperCase().match(/.{2}/g) ?? []).join(':');

export function lanStatus(s: Services): LanStatus {
  const c = controls.get(s);
  const st = c?.state();
  const remote = s.db.first(
    s.db.q
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('remote_addr', 'is not', null),
  );
  return {
    available: c !== undefined,
    enabled: st?.running ?? false,
    urls: st?.running ? st.urls : [],
    port: st?.port ?? null,
    shortCode: st?.shortCode ?? null,
    fingerprint: st?.fingerprint ? colonHex(st.fingerprint) : null,
    remoteSessions: Number(remote?.n ?? 0),
    viewedRemotely: currentRemoteAddress() !== null,
  };
}

function requireControl(s: Services): LanListenerControl {
  const c = controls.get(s);
  if (!c) throw new ApiError('CONFLICT', vi.officeNetwork.notAvailable);
  return c;
}

export async function enableLan(s: Services, actor: Actor): Promise<LanStatus> {
  const c = requireControl(s);
  await c.start();
  const st = c.state();
  s.db.tx((w) => {
    remember(s, true);
    appendAudit(w, s, actor, { action: 'lan.enable', entity: 'settings', after: { urls: st.urls, fingerprint: st.fingerprint } });
  });
  return lanStatus(s);
}

/** Closes the listener (its open connections and event streams with it) and ends every remote session. */
export async function disableLan(s: Services, actor: Actor): Promise<LanStatus & { endedSessions: number }> {
  const c = requireControl(s);
  await c.stop();
  const endedSessions = s.db.tx((w) => {
    const n = Number(s.db.sqlite.prepare('DELETE FROM sessions WHERE remote_addr IS NOT NULL').run().changes);
    remember(s, false);
    appendAudit(w, s, actor, { action: 'lan.disable', entity: 'settings', after: { endedSessions: n } });
    return n;
  });
  return { ...lanStatus(s), endedSessions };
}
