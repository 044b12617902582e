import { Foundation1763800000000 } from './1763800000000-Foundation.js';
import { AuditTrail1763900000000 } from './1763900000000-AuditTrail.js';
import { CaseFiles1764000000000 } from './1764000000000-CaseFiles.js';
import { EthicsAndConsent1764100000000 } from './1764100000000-EthicsAndConsent.js';
import { Sessions1764200000000 } from './1764200000000-Sessions.js';
import { Referrals1764300000000 } from './1764300000000-Referrals.js';
import { AccessChanges1764400000000 } from './1764400000000-AccessChanges.js';
import { CaseReferences1764500000000 } from './1764500000000-CaseReferences.js';
import { SessionActivity1764600000000 } from './1764600000000-SessionActivity.js';
import { Workflows1764720000000 } from './1764720000000-Workflows.js';

/** Every migration, in order. Listed explicitly so the same list works compiled and under Jest. */
export const ALL_MIGRATIONS = [
  Foundation1763800000000,
  AuditTrail1763900000000,
  CaseFiles1764000000000,
  EthicsAndConsent1764100000000,
  Sessions1764200000000,
  Referrals1764300000000,
  AccessChanges1764400000000,
  CaseReferences1764500000000,
  SessionActivity1764600000000,
  Workflows1764720000000,
];
