import { vi } from '../../../shared/i18n/vi';

/**
 * A page's tabs as links (`base`, `base/<key>`), so each tab has its own address: reload, back and
 * a link from elsewhere land on the same tab. The current one is marked for screen readers.
 */
export function Tabs({ base, current, tabs }: { base: string; current: string; tabs: readonly { key: string; label: string }[] }) {
  return (
    <nav className="tabs" aria-label={vi.app.sections}>
      {tabs.map((tab) => (
        <a key={tab.key} href={tab.key ? `${base}/${tab.key}` : base} aria-current={current === tab.key ? 'page' : undefined}>
          {tab.label}
        </a>
      ))}
    </nav>
  );
}
