import { useEffect, useRef } from 'react';
import { vi } from '../../shared/i18n/vi';

// After a hash navigation, keyboard and screen-reader users land on the new page's heading (not
// on the link they left behind), and the window title names the page ("Gói hồ sơ — Kiểm Chứng").

const SECTIONS: [prefix: string, label: string][] = [
  ['/mine', vi.nav.mine],
  ['/assessment', vi.nav.assessment],
  ['/criteria', vi.nav.criteria],
  ['/exams', vi.nav.exams],
  ['/packages', vi.nav.packages],
  ['/users', vi.nav.users],
  ['/audit', vi.nav.audit],
  ['/settings', vi.nav.settings],
];

/** The name of the page a route shows (the sidebar's label for its section). */
export function pageName(route: string): string {
  return SECTIONS.find(([p]) => route === p || route.startsWith(p + '/'))?.[1] ?? vi.nav.home;
}

/** The page a route shows, without its tab: '/assessment/3/assign' and '/assessment/3' are one page. */
const pageOf = (route: string) => /^\/(?:assessment|exams)\/\d+/.exec(route)?.[0] ?? route;

/** Sets document.title and, when the page (not just its tab) changes, focuses its h1. */
export function usePageFocus(route: string, title = pageName(route)): void {
  useEffect(() => {
    document.title = vi.dateTime.pageTitle(title, vi.app.name);
  }, [title]);
  const page = pageOf(route);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const root = document.querySelector('main');
    if (!root) return;
    // Pages that load their data draw the heading a moment later: wait for it (briefly).
    const focus = () => {
      const h = root.querySelector('h1');
      if (!h) return false;
      if (!h.hasAttribute('tabindex')) h.tabIndex = -1;
      h.focus();
      return true;
    };
    if (focus()) return;
    const obs = new MutationObserver(() => {
      if (focus()) obs.disconnect();
    });
    obs.observe(root, { childList: true, subtree: true });
    const timer = window.setTimeout(() => obs.disconnect(), 3000);
    return () => {
      obs.disconnect();
      window.clearTimeout(timer);
    };
  }, [page]);
}
