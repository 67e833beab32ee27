// Handlers for criteria sets, assessments, items and evidence.
import type { Router } from '../router';
import { listCriteriaSets, summarize, criteriaNodes, importCriteriaFile, importSampleSet } from '../../services/assessment/criteria-sets';
import {
  listAssessments,
  createAssessment,
  getAssessment,
  setWindow,
  addSupplementary,
  assign,
  send,
  withdraw,
  myItems,
} from '../../services/assessment/assessments';
import { updateItem, markDone, reopen, approve, returnItem } from '../../services/assessment/items';
import { attachUpload, linkDocument, updateLink, removeLink, listDocuments, openEvidence, proposeName } from '../../services/assessment/evidence';
import { runPrecheck } from '../../services/assessment/precheck';
import { requireAssessment } from '../../services/assessment/common';
// Document writers (PDF, XLSX) are loaded on first use so start-up stays fast.
const summaryExport = () => import('../../services/assessment/summary-export');

const LEADERS = ['leader'] as const;
const WORKERS = ['leader', 'officer'] as const;

export function registerAssessment(r: Router): void {
  r.register('criteria.list', 'user', (_i, { s }) => listCriteriaSets(s));
  r.register('criteria.get', 'user', ({ setId }, { s }) => ({ set: summarize(s, setId), nodes: criteriaNodes(s, setId) }));
  r.register('criteria.import', LEADERS, async ({ uploadId }, { s, actor }) => {
    const up = s.uploads.get(uploadId, actor.id ?? -1);
    try {
      return await importCriteriaFile(s, actor, up.path, up.name);
    } finally {
      await s.uploads.discard(uploadId);
    }
  });
  r.register('criteria.importSample', LEADERS, (_i, { s, actor }) => importSampleSet(s, actor));

  r.register('assessment.list', 'user', (_i, { s }) => listAssessments(s));
  r.register('assessment.create', LEADERS, (input, { s, actor }) => createAssessment(s, actor, input));
  r.register('assessment.get', WORKERS, ({ assessmentId }, { s, actor }) => getAssessment(s, actor, assessmentId));
  r.register('assessment.setWindow', LEADERS, (input, { s, actor }) => setWindow(s, actor, input));
  r.register('assessment.addSupplementary', LEADERS, (input, { s, actor }) => addSupplementary(s, actor, input));
  r.register('assessment.assign', LEADERS, (input, { s, actor }) => assign(s, actor, input));
  r.register('assessment.precheck', WORKERS, ({ assessmentId }, { s }) => runPrecheck(s, requireAssessment(s, assessmentId)));
  r.register('assessment.send', LEADERS, ({ assessmentId }, { s, actor }) => send(s, actor, assessmentId));
  r.register('assessment.withdraw', LEADERS, ({ assessmentId }, { s, actor }) => withdraw(s, actor, assessmentId));
  r.register('assessment.exportSummary', WORKERS, async ({ assessmentId, format }, { s }) => (await summaryExport()).exportSummary(s, assessmentId, format));
  r.register('assessment.mine', 'user', (_i, { s, actor }) => myItems(s, actor));

  r.register('item.update', WORKERS, (input, { s, actor }) => updateItem(s, actor, input));
  r.register('item.markDone', WORKERS, ({ itemId }, { s, actor }) => markDone(s, actor, itemId));
  r.register('item.reopen', WORKERS, ({ itemId }, { s, actor }) => reopen(s, actor, itemId));
  r.register('item.approve', LEADERS, ({ itemId }, { s, actor }) => approve(s, actor, itemId));
  r.register('item.return', LEADERS, ({ itemId, comment }, { s, actor }) => returnItem(s, actor, itemId, comment));

  r.register('evidence.proposeName', WORKERS, (i) => ({ fileName: proposeName(i.criterionCode, i.docNumber, i.summary) }));
  r.register('evidence.attach', WORKERS, (input, { s, actor }) => attachUpload(s, actor, input));
  r.register('evidence.link', WORKERS, (input, { s, actor }) => linkDocument(s, actor, input));
  r.register('evidence.update', WORKERS, (input, { s, actor }) => updateLink(s, actor, input));
  r.register('evidence.remove', WORKERS, ({ linkId }, { s, actor }) => removeLink(s, actor, linkId));
  r.register('evidence.documents', WORKERS, ({ assessmentId }, { s }) => listDocuments(s, assessmentId));
  r.register('evidence.open', WORKERS, ({ linkId }, { s, actor }) => openEvidence(s, actor, linkId));
}
