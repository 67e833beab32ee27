// Handlers for the inspection report (document 003) — issue 15.
import path from 'node:path';
import type { Router } from '../router';
import type { Services } from '../../services/context';
import { createInspection, listInspections, updateInspection, upcomingInspections } from '../../services/inspection/records';
import { inspectionDetail, library, linkDocument, saveItem, setLateDossiers, unlinkDocument } from '../../services/inspection/report';
// The PDF writer is loaded on first use so start-up stays fast.
const exporter = () => import('../../services/inspection/export');
const packager = () => import('../../services/inspection/package');

/** A built package offered for download (to a USB stick) under its own ASCII name, with its row in the package list. */
export function packageFile(s: Services, built: { path: string; id: number }) {
  const fileName = path.basename(built.path);
  return {
    fileId: s.files.register({ path: built.path, fileName, mediaType: 'application/zip', disposition: 'attachment' }),
    fileName,
    mediaType: 'application/zip',
    packageId: built.id,
  };
}

export function registerInspection(r: Router): void {
  r.register('inspection.list', (_i, { s }) => listInspections(s));
  r.register('inspection.upcoming', (_i, { s }) => upcomingInspections(s));
  r.register('inspection.create', (input, { s, actor }) => inspectionDetail(s, createInspection(s, actor, input)));
  r.register('inspection.get', ({ id }, { s }) => inspectionDetail(s, id));
  r.register('inspection.update', (input, { s, actor }) => (updateInspection(s, actor, input), inspectionDetail(s, input.id)));
  r.register('inspection.saveItem', ({ id, key, text }, { s, actor }) => (saveItem(s, actor, id, key, text), inspectionDetail(s, id)));
  r.register('inspection.library', (_i, { s, actor }) => library(s, actor));
  r.register('inspection.link', (input, { s, actor }) => (linkDocument(s, actor, input), inspectionDetail(s, input.id)));
  r.register('inspection.unlink', ({ documentId }, { s, actor }) => inspectionDetail(s, unlinkDocument(s, actor, documentId)));
  r.register('inspection.setLate', ({ id, lines }, { s, actor }) => (setLateDossiers(s, actor, id, lines), inspectionDetail(s, id)));
  r.register('inspection.export', async ({ id }, { s }) => (await exporter()).exportInspection(s, id));
  r.register('inspection.buildPackage', async ({ id, passphrase }, { s, actor }) => {
    return packageFile(s, await (await packager()).buildInspectionPackage(s, actor, id, passphrase));
  });
}
