// Handlers for criteria sets, assessments, items and evidence.
import type { Router } from '../router';
import { listCriteriaSets, summarize, criteriaNodes, importCriteriaFile, importSampleSet, renameCriteriaSet } from '../../services/assessment/criteria-sets';
import {
  listAssessments,
  createAssessment,
  getAssessment,
  setWindow,
  addSupplementary,
  assign,
  withdraw,
  myItems,
} from '../../services/assessment/assessments';
import { updateItem, markDone, reopen, approve, returnItem } from '../../services/assessment/items';
import { attachUpload, linkDocument, updateLink, removeLink, listDocuments, openEvidence, proposeName } from '../../services/assessment/evidence';
import { precheckReport } from '../../services/assessment/precheck';
import { requireAssessment } from '../../services/assessment/common';
// Document writers (PDF, XLSX) are loaded on first use so start-up stays fast.
const summaryExport = () => import('../../services/assessment/summary-export');

export function registerAssessment(r: Router): void {
  r.register('criteria.list', (_i, { s }) => listCriteriaSets(s));
  r.register('criteria.get', ({ setId }, { s }) => ({ set: summarize(s, setId), nodes: criteriaNodes(s, setId) }));
  r.register('criteria.import', async ({ uploadId }, { s, actor }) => {
    const up = s.uploads.get(uploadId, actor.id ?? -1);
    try {
      return await importCriteriaFile(s, actor, up.path, up.name);
    } finally {
      await s.uploads.discard(uploadId);
    }
  });
  r.register('criteria.importSample', (_i, { s, actor }) => importSampleSet(s, actor));
  r.register('criteria.rename', ({ setId, name }, { s, actor }) => renameCriteriaSet(s, actor, setId, name));

  r.register('assessment.list', (_i, { s }) => listAssessments(s));
  r.register('assessment.create', (input, { s, actor }) => createAssessment(s, actor, input));
  r.register('assessment.get', ({ assessmentId }, { s, actor }) => getAssessment(s, actor, assessmentId));
  r.register('assessment.setWindow', (input, { s, actor }) => setWindow(s, actor, input));
  r.register('assessment.addSupplementary', (input, { s, actor }) => addSupplementary(s, actor, input));
  r.register('assessment.importInstruction', async ({ assessmentId, uploadId }, { s, actor }) => {
    const up = s.uploads.get(uploadId, actor.id ?? -1);
    try {
      return await (await import('../../services/assessment/instruction-import')).importInstruction(s, actor, { assessmentId, path: up.path, name: up.name });
    } finally {
      await s.uploads.discard(uploadId);
    }
  });
  r.register('assessment.assign', (input, { s, actor }) => assign(s, actor, input));
  r.register('assessment.precheck', ({ assessmentId }, { s }) => precheckReport(s, requireAssessment(s, assessmentId)));
  // With a receiver enrolled, also packages and queues the report (services/sync/send-report.ts).
  r.register('assessment.send', async ({ assessmentId, passphrase }, { s, actor }) =>
    (await import('../../services/sync/send-report')).sendReport(s, actor, assessmentId, passphrase),
  );
  r.register('assessment.withdraw', ({ assessmentId }, { s, actor }) => withdraw(s, actor, assessmentId));
  r.register('assessment.exportSummary', async ({ assessmentId, format }, { s }) => (await summaryExport()).exportSummary(s, assessmentId, format));
  r.register('assessment.mine', (_i, { s, actor }) => myItems(s, actor));

  r.register('item.update', (input, { s, actor }) => updateItem(s, actor, input));
  r.register('item.markDone', ({ itemId }, { s, actor }) => markDone(s, actor, itemId));
  r.register('item.reopen', ({ itemId }, { s, actor }) => reopen(s, actor, itemId));
  r.register('item.approve', ({ itemId }, { s, actor }) => approve(s, actor, itemId));
  r.register('item.return', ({ itemId, comment }, { s, actor }) => returnItem(s, actor, itemId, comment));

  r.register('evidence.proposeName', (i) => ({ fileName: proposeName(i.criterionCode, i.docNumber, i.summary) }));
  r.register('evidence.attach', (input, { s, actor }) => attachUpload(s, actor, input));
  r.register('evidence.link', (input, { s, actor }) => linkDocument(s, actor, input));
  r.register('evidence.update', (input, { s, actor }) => updateLink(s, actor, input));
  r.register('evidence.remove', ({ linkId }, { s, actor }) => removeLink(s, actor, linkId));
  r.register('evidence.documents', ({ assessmentId }, { s, actor }) => listDocuments(s, actor, assessmentId));
  r.register('evidence.open', ({ linkId }, { s, actor }) => openEvidence(s, actor, linkId));
}
