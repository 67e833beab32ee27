import { Router } from './router';
import { registerCore } from './handlers/core';
import { registerTestHooks } from './handlers/test-hooks';
import { registerAssessment } from './handlers/assessment';
import { registerExam } from './handlers/exam';
import { registerPackage } from './handlers/package';
import { registerSync } from './handlers/sync';
import { registerAppraisal } from './handlers/appraisal';
import { registerLan } from './handlers/lan';
import { registerInspection } from './handlers/inspection';
import { registerTraining } from './handlers/training';
import { methodNames } from '../../shared/api/contract';
import type { Services } from '../services/context';

/** Builds the router with every handler; refuses to start if a contract method has none. */
export function createApi(s: Services): Router {
  const r = new Router(s);
  registerCore(r);
  registerAssessment(r);
  registerExam(r);
  registerPackage(r);
  registerSync(r);
  registerAppraisal(r);
  registerLan(r);
  registerInspection(r);
  registerTraining(r);
  // A production build replaces ./handlers/test-hooks with a stub that registers nothing (scripts/build.mjs).
  if (s.testHooks) registerTestHooks(r);
  const missing = methodNames.filter((m) => !r.has(m) && !m.startsWith('test.'));
  if (missing.length) throw new Error(`API methods without a handler: ${missing.join(', ')}`);
  return r;
}
export type { Router };
