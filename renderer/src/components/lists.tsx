import { vi } from '../../../shared/i18n/vi';

/** Links to files just exported, newest first. */
export function Downloads({ links }: { links: { href: string; name: string }[] }) {
  if (!links.length) return null;
  return (
    <ul className="downloads">
      {links.map((l) => (
        <li key={l.href}>
          <a href={l.href} download={l.name}>
            {l.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Every problem the back end listed for a refused file or action (by row, field or criterion). */
export function IssueList({ issues }: { issues: Record<string, string> }) {
  const entries = Object.entries(issues);
  if (!entries.length) return null;
  return (
    <ul className="issues" aria-label={vi.app.issuesLabel}>
      {entries.map(([k, v]) => (
        <li key={k}>
          {k && <strong>{k}: </strong>}
          {v}
        </li>
      ))}
    </ul>
  );
}
