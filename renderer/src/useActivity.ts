import { useEffect } from 'react';
import { call } from './api/client';
import { useApp } from './store';

const CHECK_EVERY_MS = 30_000;

/**
 * Keeps the back end told when the user is active (typing, clicking) and asks it whether the
 * session has locked. The back end decides the lock from its own clock; this only reports.
 */
export function useActivity(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    let lastActivity = Date.now();
    let lastCheck = 0;
    const mark = () => {
      lastActivity = Date.now();
    };
    const check = async () => {
      const now = Date.now();
      lastCheck = now;
      const touch = now - lastActivity < CHECK_EVERY_MS * 2;
      const s = await call('auth.session', { touch }).catch(() => undefined);
      if (s === null) useApp.getState().set({ session: null, phase: 'login' });
      else if (s?.locked) useApp.getState().set({ session: s, phase: 'locked' });
    };
    const events = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, mark, { passive: true });
    const timer = window.setInterval(() => void check(), CHECK_EVERY_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible' && Date.now() - lastCheck > 5_000) void check();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      for (const e of events) window.removeEventListener(e, mark);
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [enabled]);
}
