// Forward-only numbered migrations in a static list (a folder read at run time is unreliable
// inside a packaged app). Append new ones; never edit or reorder shipped ones.
import type { Migration } from './types';
import { m001Initial } from './001-initial';
import { m002Assessment } from './002-assessment';
import { m003Exams } from './003-exams';
import { m004Packages } from './004-packages';
import { m005TrustedCertificates } from './005-trusted-certificates';
import { m006Sync } from './006-sync';
import { m007LoginThrottle } from './007-login-throttle';
import { m008Clock } from './008-clock';
import { m009LinkMetadata } from './009-link-metadata';
import { m010Appraisal } from './010-appraisal';
import { m011OfficeNetwork } from './011-office-network';
import { m012InspectionTraining } from './012-inspection-training';
import { m013ExamDay } from './013-exam-day';
import { m014CriteriaSetNames } from './014-criteria-set-names';
import { m015PackageKinds } from './015-package-kinds';

export const migrations: readonly Migration[] = [
  m001Initial,
  m002Assessment,
  m003Exams,
  m004Packages,
  m005TrustedCertificates,
  m006Sync,
  m007LoginThrottle,
  m008Clock,
  m009LinkMetadata,
  m010Appraisal,
  m011OfficeNetwork,
  m012InspectionTraining,
  m013ExamDay,
  m014CriteriaSetNames,
  m015PackageKinds,
];
export type { Migration };
