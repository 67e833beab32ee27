// Evidence documents (tài liệu kiểm chứng): checked by content (PDF, JPEG, PNG only), stored once
// by sha256, linked to criteria each under its own convention name.
import type { Services, Actor } from '../context';
import { appendAudit } from '../audit';
import { adoptBlob, blobPath } from '../blob-store';
import { getSettings } from '../settings';
import { ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { checkEvidenceFile } from '../evidence-check';
import { proposeEvidenceName, validateEvidenceName, sameNameKey } from '../../domain/evidence-naming';
import { backToReview, beginItemWrite, itemChange } from './items';
import { requireAssessment, requireItem, guardItemOwner, isManager, type ItemRow } from './common';
import { DOCUMENT_COLUMNS, documentView } from './views';
import type { FileRef } from '../../../shared/api/assessment-schemas';

export interface EvidenceMeta {
  docNumber: string | null;
  docDate: string | null;
  summary: string | null;
}

const EXTENSIONS: Record<string, string> = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png' };
export const extensionFor = (mediaType: string) => EXTENSIONS[mediaType] ?? '';

/** The base name as stored: NFC, trimmed, without a trailing known extension. */
export function baseName(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .replace(/\.(pdf|jpe?g|png)$/i, '');
}

function checkName(s: Services, itemId: number, code: string, fileName: string, exceptLinkId: number | null): string {
  const base = baseName(fileName);
  const problems = validateEvidenceName(base, code);
  if (problems.length) {
    throw new ApiError(
      'VALIDATION',
      `${vi.evidence.badName}: ${problems[0]!.message}`,
      problems.map((p) => ({ path: 'fileName', message: p.message })),
    );
  }
  const others = s.db.all(s.db.q.selectFrom('item_document').select(['id', 'file_name']).where('item_id', '=', itemId));
  if (others.some((o) => o.id !== exceptLinkId && sameNameKey(o.file_name) === sameNameKey(base))) {
    throw new ApiError('CONFLICT', vi.evidence.duplicateName(base), [{ path: 'fileName', message: vi.evidence.duplicateName(base) }]);
  }
  return base;
}

export function proposeName(criterionCode: string, docNumber: string | null, summary: string): string {
  return proposeEvidenceName({ criterionCode, docNumber, summary });
}

export async function attachUpload(s: Services, actor: Actor, input: EvidenceMeta & { itemId: number; uploadId: string; fileName: string }) {
  const { item } = beginItemWrite(s, actor, input.itemId);
  const up = s.uploads.get(input.uploadId, actor.id ?? -1);
  const maxBytes = getSettings(s).maxEvidenceMB * 1024 * 1024;
  if (up.size > maxBytes) {
    await s.uploads.discard(up.id);
    throw new ApiError('VALIDATION', vi.evidence.tooBig(up.name, getSettings(s).maxEvidenceMB));
  }
  const decision = await checkEvidenceFile(up.path, up.size, up.head, up.name);
  if (!decision.ok) {
    await s.uploads.discard(up.id);
    throw new ApiError('VALIDATION', decision.message, [{ path: 'file', message: decision.message }]);
  }
  const base = checkName(s, item.id, item.criterion_code, input.fileName, null);
  if (s.db.first(s.db.q.selectFrom('item_document').select('id').where('item_id', '=', item.id).where('sha256', '=', up.sha256))) {
    await s.uploads.discard(up.id);
    throw new ApiError('CONFLICT', vi.evidence.alreadyAttached(up.name));
  }
  s.uploads.forget(up.id);
  await adoptBlob(s.dataDir, up.path, up.sha256);
  return s.db.tx((w) => {
    const { item: current } = beginItemWrite(s, actor, input.itemId); // re-check inside the transaction (deadline may have passed)
    const now = s.clock.now();
    const existing = s.db.first(s.db.q.selectFrom('document').select('sha256').where('sha256', '=', up.sha256));
    if (!existing) {
      s.db.run(
        s.db.q.insertInto('document').values({
          sha256: up.sha256,
          size: up.size,
          media_type: decision.mediaType,
          original_name: up.name,
          pdf_signed: decision.mediaType === 'application/pdf' ? (up.pdfSigned ? 1 : 0) : null,
          doc_number: input.docNumber,
          doc_date: input.docDate,
          summary: input.summary,
          created_at: now,
          created_by: actor.id,
        }),
      );
    }
    // The number, date and summary typed here belong to this criterion's link, even when the same
    // file was stored earlier under another criterion with other words.
    const { lastInsertRowid } = s.db.run(
      s.db.q.insertInto('item_document').values({
        item_id: item.id,
        sha256: up.sha256,
        file_name: base,
        created_at: now,
        created_by: actor.id,
        doc_number: input.docNumber,
        doc_date: input.docDate,
        summary: input.summary,
      }),
    );
    const a = requireAssessment(s, item.assessment_id);
    backToReview(w, s, actor, current);
    appendAudit(w, s, actor, {
      action: 'evidence.attach',
      entity: 'evidence',
      entityId: lastInsertRowid,
      after: {
        criterion: `${a.year}:${item.criterion_code}`,
        fileName: base,
        sha256: up.sha256,
        size: up.size,
        mediaType: decision.mediaType,
        docNumber: input.docNumber,
        docDate: input.docDate,
        summary: input.summary,
      },
    });
    return itemChange(s, requireItem(s, item.id));
  });
}

/**
 * The caller's own link to a document, through which they may reuse it: officers reuse only
 * documents of criteria they are assigned in the same assessment; leaders and admins any of the
 * office's (reuse across years is theirs to decide). Undefined when the caller may not read it.
 */
function readableLink(s: Services, actor: Actor, sha256: string, target: ItemRow) {
  let q = s.db.q
    .selectFrom('item_document as l')
    .innerJoin('assessment_item as i', 'i.id', 'l.item_id')
    .select(['l.doc_number', 'l.doc_date', 'l.summary'])
    .where('l.sha256', '=', sha256)
    .orderBy('l.id', 'desc')
    .limit(1);
  if (!isManager(actor)) q = q.where('i.assignee_id', '=', actor.id).where('i.assessment_id', '=', target.assessment_id);
  return s.db.first(q);
}

/**
 * Uses a document already in the store as evidence for another criterion (one name per
 * criterion). Its number, date and summary are the ones given, or else those of the caller's
 * readable link.
 */
export function linkDocument(s: Services, actor: Actor, input: Partial<EvidenceMeta> & { itemId: number; sha256: string; fileName: string }) {
  return s.db.tx((w) => {
    const { item } = beginItemWrite(s, actor, input.itemId);
    const doc = s.db.first(s.db.q.selectFrom('document').selectAll().where('sha256', '=', input.sha256));
    const source = doc && readableLink(s, actor, doc.sha256, item);
    // Not readable and not there answer alike: the caller learns nothing of others' documents.
    if (!doc || !source) throw new ApiError('NOT_FOUND', vi.evidence.notFound);
    const base = checkName(s, item.id, item.criterion_code, input.fileName, null);
    if (s.db.first(s.db.q.selectFrom('item_document').select('id').where('item_id', '=', item.id).where('sha256', '=', doc.sha256))) {
      throw new ApiError('CONFLICT', vi.evidence.alreadyAttached(doc.original_name));
    }
    const meta = {
      doc_number: input.docNumber !== undefined ? input.docNumber : source.doc_number,
      doc_date: input.docDate !== undefined ? input.docDate : source.doc_date,
      summary: input.summary !== undefined ? input.summary : source.summary,
    };
    const { lastInsertRowid } = s.db.run(
      s.db.q
        .insertInto('item_document')
        .values({ item_id: item.id, sha256: doc.sha256, file_name: base, created_at: s.clock.now(), created_by: actor.id, ...meta }),
    );
    const a = requireAssessment(s, item.assessment_id);
    backToReview(w, s, actor, item);
    appendAudit(w, s, actor, {
      action: 'evidence.link',
      entity: 'evidence',
      entityId: lastInsertRowid,
      after: {
        criterion: `${a.year}:${item.criterion_code}`,
        fileName: base,
        sha256: doc.sha256,
        docNumber: meta.doc_number,
        docDate: meta.doc_date,
        summary: meta.summary,
      },
    });
    return itemChange(s, requireItem(s, item.id));
  });
}

function requireLink(s: Services, linkId: number) {
  const link = s.db.first(s.db.q.selectFrom('item_document').selectAll().where('id', '=', linkId));
  if (!link) throw new ApiError('NOT_FOUND', vi.evidence.notFound);
  return link;
}

export function updateLink(s: Services, actor: Actor, input: EvidenceMeta & { linkId: number; fileName: string }) {
  return s.db.tx((w) => {
    const link = requireLink(s, input.linkId);
    const { item } = beginItemWrite(s, actor, link.item_id);
    const base = checkName(s, item.id, item.criterion_code, input.fileName, link.id);
    // Only this link changes: the same file under another criterion (or year) keeps its words.
    s.db.run(
      s.db.q
        .updateTable('item_document')
        .set({ file_name: base, doc_number: input.docNumber, doc_date: input.docDate, summary: input.summary })
        .where('id', '=', link.id),
    );
    backToReview(w, s, actor, item);
    appendAudit(w, s, actor, {
      action: 'evidence.update',
      entity: 'evidence',
      entityId: link.id,
      before: { fileName: link.file_name, docNumber: link.doc_number, docDate: link.doc_date, summary: link.summary },
      after: { fileName: base, docNumber: input.docNumber, docDate: input.docDate, summary: input.summary },
    });
    return itemChange(s, requireItem(s, item.id));
  });
}

export function removeLink(s: Services, actor: Actor, linkId: number) {
  return s.db.tx((w) => {
    const link = requireLink(s, linkId);
    const { item } = beginItemWrite(s, actor, link.item_id);
    s.db.run(s.db.q.deleteFrom('item_document').where('id', '=', link.id));
    backToReview(w, s, actor, item);
    appendAudit(w, s, actor, { action: 'evidence.remove', entity: 'evidence', entityId: link.id, before: { fileName: link.file_name, sha256: link.sha256 } });
    // The blob stays: it may be linked elsewhere or in another year's package.
    return itemChange(s, requireItem(s, item.id));
  });
}

/** The documents the caller may reuse in an assessment: officers only those of their own criteria. */
export function listDocuments(s: Services, actor: Actor, assessmentId: number) {
  let q = s.db.q
    .selectFrom('item_document as l')
    .innerJoin('assessment_item as i', 'i.id', 'l.item_id')
    .innerJoin('document as d', 'd.sha256', 'l.sha256')
    .select([...DOCUMENT_COLUMNS, 'i.criterion_code'])
    .where('i.assessment_id', '=', assessmentId)
    .orderBy('d.created_at')
    .orderBy('l.id');
  if (!isManager(actor)) q = q.where('i.assignee_id', '=', actor.id);
  const rows = s.db.all(q);
  const bySha = new Map<string, ReturnType<typeof documentView> & { usedBy: string[] }>();
  for (const r of rows) {
    const d = bySha.get(r.sha256) ?? { ...documentView(r), usedBy: [] };
    d.usedBy.push(r.criterion_code);
    bySha.set(r.sha256, d);
  }
  return [...bySha.values()];
}

/** Opens one evidence file for viewing: anyone who may see the assessment (officers: their items). */
export function openEvidence(s: Services, actor: Actor, linkId: number): FileRef {
  const link = requireLink(s, linkId);
  const item = requireItem(s, link.item_id);
  guardItemOwner(actor, item);
  const doc = s.db.first(s.db.q.selectFrom('document').selectAll().where('sha256', '=', link.sha256))!;
  const fileName = link.file_name + extensionFor(doc.media_type);
  const fileId = s.files.register({ path: blobPath(s.dataDir, doc.sha256), fileName, mediaType: doc.media_type, disposition: 'inline' });
  return { fileId, fileName, mediaType: doc.media_type };
}
