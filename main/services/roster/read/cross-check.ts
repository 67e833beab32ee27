// Across forms: Mẫu 05 lists everyone, so it is checked against 01–03 when the file has both.
import type { FormCode } from '../forms';
import type { ImportContext } from './context';
import { messages, who } from './messages';
import type { SheetParser } from './sheet';
import type { RosterIssue, RosterRow } from './types';

export function crossCheck(ctx: ImportContext): void {
  const parsers = ctx.sheets.filter((p) => p.result);
  const has = (f: FormCode) => parsers.some((p) => p.form === f);
  if (!has('05') || !(has('01') || has('02') || has('03'))) return;
  const issue = (p: SheetParser, row: RosterRow, m: string): RosterIssue => ({
    sheet: p.name,
    row: row.sourceRow,
    message: `${p.where(row.sourceRow)}: ${m}.`,
  });

  for (const p of parsers) {
    if (p.form !== '05') continue;
    for (const row of p.rows) {
      if (!row.positionId || typeof row.takesPart !== 'boolean' || !row.fullName || row.birthYear === null) continue;
      const there = ctx.seen.exam.find(ctx.personHash(row.fullName, row.birthYear, row.commune), () => ctx.personKey(row.fullName, row.birthYear, row.commune));
      const w = who(row.fullName, row.birthYear, row.commune);
      if (there === undefined) ctx.warn(issue(p, row, row.takesPart ? messages.takesPartMissing(w) : messages.excludedMissing(w)));
      else {
        const [sheet, at] = ctx.placeOf(there);
        if (row.takesPart === (sheet.form === '03')) ctx.error(issue(p, row, messages.contradiction(w, sheet.where(at), row.takesPart)));
      }
    }
  }
  for (const p of parsers) {
    if (p.form === '04' || p.form === '05') continue;
    for (const row of p.rows) {
      if (!row.fullName || row.birthYear === null) continue;
      if (
        ctx.seen.all.find(ctx.personHash(row.fullName, row.birthYear, row.commune), () => ctx.personKey(row.fullName, row.birthYear, row.commune)) === undefined
      )
        ctx.warn(issue(p, row, messages.notIn05(who(row.fullName, row.birthYear, row.commune))));
    }
  }
}
