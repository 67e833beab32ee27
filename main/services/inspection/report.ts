// The report's content: a text per outline item (pre-filled ones marked until edited), documents
// reused from the evidence library under the same naming convention (the item's number as the
// code: `I.2.3.4_so 12TB-UBND_Xin loi HS 0123`), the late dossiers with their apologies, and the
// measured share of incoming documents digitised.
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { isManager } from '../assessment/common';
import { baseName } from '../assessment/evidence';
import { ApiError, type Issue } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { parseVnDate } from '../../../shared/vn-time';
import { validateEvidenceName, sameNameKey } from '../../domain/evidence-naming';
import { apologyProblems, digitisedPercent } from '../../domain/inspection-outline';
import type { InspectionDetail, OutlineLineView } from '../../../shared/api/inspection-schemas';
import { officeOutline, recordWarnings, requireInspection, summaryOf } from './records';

const m = vi.inspection;

function lateProblems(rows: { dossier_code: string; apology_number: string | null }[]): string[] {
  return apologyProblems(rows.map((r) => ({ dossierCode: r.dossier_code, apologyNumber: r.apology_number }))).map((p) =>
    p.kind === 'missing' ? m.lateMissing(p.dossierCode) : m.lateShared(p.dossierCode, p.apologyNumber!, p.others!),
  );
}

export function inspectionDetail(s: Services, id: number): InspectionDetail {
  const r = requireInspection(s, id);
  const sum = summaryOf(s, r);
  const items = new Map(s.db.all(s.db.q.selectFrom('inspection_item').selectAll().where('inspection_id', '=', id)).map((i) => [i.item_key, i]));
  const docs = s.db.all(
    s.db.q
      .selectFrom('inspection_document as l')
      .innerJoin('document as d', 'd.sha256', 'l.sha256')
      .select(['l.id', 'l.item_key', 'l.sha256', 'l.file_name', 'l.doc_number', 'l.doc_date', 'l.summary', 'd.media_type'])
      .where('l.inspection_id', '=', id)
      .orderBy('l.id'),
  );
  const lines: OutlineLineView[] = officeOutline(s).map((l) =>
    l.kind === 'heading'
      ? l
      : {
          kind: 'item',
          key: l.key,
          prompt: l.text,
          level: l.level,
          optional: l.optional,
          check: l.check,
          text: items.get(l.key)?.text ?? '',
          prefilled: items.get(l.key)?.prefilled === 1,
          documents: docs
            .filter((d) => d.item_key === l.key)
            .map((d) => ({
              id: d.id,
              sha256: d.sha256,
              fileName: d.file_name,
              mediaType: d.media_type,
              docNumber: d.doc_number,
              docDate: d.doc_date,
              summary: d.summary,
            })),
        },
  );
  const late = s.db.all(s.db.q.selectFrom('inspection_late_dossier').selectAll().where('inspection_id', '=', id).orderBy('id'));
  const percent = digitisedPercent(r.incoming_total, r.incoming_digitised);
  return {
    inspection: sum,
    incomingTotal: r.incoming_total,
    incomingDigitised: r.incoming_digitised,
    incomingPercent: percent,
    incomingWarning: percent !== null && percent < 100 ? m.incomingWarning(percent) : null,
    lines,
    late: late.map((d) => ({ dossierCode: d.dossier_code, apologyNumber: d.apology_number, apologyDate: d.apology_date })),
    lateProblems: lateProblems(late),
    warnings: recordWarnings(s, sum),
  };
}

function requireItemKey(s: Services, key: string): void {
  if (!officeOutline(s).some((l) => l.kind === 'item' && l.key === key)) throw new ApiError('NOT_FOUND', m.itemNotFound(key));
}

export function saveItem(s: Services, actor: Actor, id: number, key: string, text: string): void {
  requireItemKey(s, key);
  s.db.tx((w) => {
    requireInspection(s, id);
    const before = s.db.first(s.db.q.selectFrom('inspection_item').selectAll().where('inspection_id', '=', id).where('item_key', '=', key));
    const value = text.normalize('NFC');
    if (before && before.text === value) return;
    s.db.run(
      s.db.q
        .insertInto('inspection_item')
        .values({ inspection_id: id, item_key: key, text: value, prefilled: 0, updated_at: s.clock.now(), updated_by: actor.id })
        .onConflict((oc) =>
          oc.columns(['inspection_id', 'item_key']).doUpdateSet({ text: value, prefilled: 0, updated_at: s.clock.now(), updated_by: actor.id }),
        ),
    );
    appendAudit(w, s, actor, {
      action: 'inspection.item',
      entity: 'inspection',
      entityId: id,
      before: before ? { key, text: before.text } : undefined,
      after: { key, text: value },
    });
  });
}

/** The library: documents the caller may reuse (officers: only those of criteria assigned to them). */
export function library(s: Services, actor: Actor) {
  let q = s.db.q
    .selectFrom('item_document as l')
    .innerJoin('assessment_item as i', 'i.id', 'l.item_id')
    .innerJoin('document as d', 'd.sha256', 'l.sha256')
    .select(['d.sha256', 'd.original_name', 'd.media_type', 'd.pdf_signed', 'l.doc_number', 'l.doc_date', 'l.summary', 'l.id'])
    .orderBy('l.id', 'desc');
  if (!isManager(actor)) q = q.where('i.assignee_id', '=', actor.id);
  const seen = new Set<string>();
  const out = [];
  // Newest link first: its number, date and summary describe the document.
  for (const d of s.db.all(q)) {
    if (seen.has(d.sha256)) continue;
    seen.add(d.sha256);
    out.push({
      sha256: d.sha256,
      originalName: d.original_name,
      mediaType: d.media_type,
      docNumber: d.doc_number,
      docDate: d.doc_date,
      summary: d.summary,
      pdfSigned: d.pdf_signed === null ? null : d.pdf_signed === 1,
    });
  }
  return out;
}

export function linkDocument(s: Services, actor: Actor, input: { id: number; key: string; sha256: string; fileName: string }): void {
  requireItemKey(s, input.key);
  const doc = library(s, actor).find((d) => d.sha256 === input.sha256);
  if (!doc) throw new ApiError('NOT_FOUND', m.docNotFound);
  const base = baseName(input.fileName);
  const problems = validateEvidenceName(base, input.key);
  if (problems.length)
    throw new ApiError(
      'VALIDATION',
      `${vi.evidence.badName}: ${problems[0]!.message}`,
      problems.map((p) => ({ path: 'fileName', message: p.message })),
    );
  s.db.tx((w) => {
    requireInspection(s, input.id);
    const others = s.db.all(
      s.db.q.selectFrom('inspection_document').select(['sha256', 'file_name']).where('inspection_id', '=', input.id).where('item_key', '=', input.key),
    );
    if (others.some((o) => o.sha256 === doc.sha256)) throw new ApiError('CONFLICT', m.alreadyAttached(input.key));
    if (others.some((o) => sameNameKey(o.file_name) === sameNameKey(base)))
      throw new ApiError('CONFLICT', vi.evidence.duplicateName(base), [{ path: 'fileName', message: vi.evidence.duplicateName(base) }]);
    const { lastInsertRowid } = s.db.run(
      s.db.q.insertInto('inspection_document').values({
        inspection_id: input.id,
        item_key: input.key,
        sha256: doc.sha256,
        file_name: base,
        doc_number: doc.docNumber,
        doc_date: doc.docDate,
        summary: doc.summary,
        created_at: s.clock.now(),
        created_by: actor.id,
      }),
    );
    appendAudit(w, s, actor, {
      action: 'inspection.link',
      entity: 'inspection',
      entityId: input.id,
      after: { linkId: lastInsertRowid, key: input.key, fileName: base, sha256: doc.sha256 },
    });
  });
}

export function unlinkDocument(s: Services, actor: Actor, documentId: number): number {
  return s.db.tx((w) => {
    const l = s.db.first(s.db.q.selectFrom('inspection_document').selectAll().where('id', '=', documentId));
    if (!l) throw new ApiError('NOT_FOUND', m.docNotFound);
    s.db.run(s.db.q.deleteFrom('inspection_document').where('id', '=', l.id));
    appendAudit(w, s, actor, {
      action: 'inspection.unlink',
      entity: 'inspection',
      entityId: l.inspection_id,
      before: { key: l.item_key, fileName: l.file_name, sha256: l.sha256 },
    });
    return l.inspection_id;
  });
}

/** "mã; số văn bản xin lỗi; dd/mm/yyyy" per line; refused whole with every bad line named. */
export function setLateDossiers(s: Services, actor: Actor, id: number, text: string): void {
  const issues: Issue[] = [];
  const rows: { dossier_code: string; apology_number: string | null; apology_date: string | null }[] = [];
  const seen = new Set<string>();
  text
    .normalize('NFC')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const n = i + 1;
      if (!raw.trim()) return;
      const [code = '', num = '', date = ''] = raw.split(/[;\t]/).map((x) => x.trim());
      if (!code) return issues.push({ path: `lines.${n}`, message: m.lateBadLine(n) });
      if (seen.has(code.toUpperCase())) return issues.push({ path: `lines.${n}`, message: m.lateDuplicate(n, code) });
      seen.add(code.toUpperCase());
      const iso = date ? parseVnDate(date) : null;
      if (date && !iso) return issues.push({ path: `lines.${n}`, message: m.lateBadDate(n, date) });
      rows.push({ dossier_code: code.slice(0, 120), apology_number: num || null, apology_date: iso });
    });
  if (issues.length) throw new ApiError('VALIDATION', issues.map((x) => x.message).join('\n'), issues);
  s.db.tx((w) => {
    requireInspection(s, id);
    const before = s.db.all(
      s.db.q.selectFrom('inspection_late_dossier').select(['dossier_code', 'apology_number', 'apology_date']).where('inspection_id', '=', id),
    );
    s.db.run(s.db.q.deleteFrom('inspection_late_dossier').where('inspection_id', '=', id));
    for (const r of rows) s.db.run(s.db.q.insertInto('inspection_late_dossier').values({ inspection_id: id, ...r }));
    appendAudit(w, s, actor, { action: 'inspection.late', entity: 'inspection', entityId: id, before, after: rows });
  });
}
