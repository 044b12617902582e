import { Foundation1763800000000 } from './1763800000000-Foundation.js';
import { AuditTrail1763900000000 } from './1763900000000-AuditTrail.js';
import { CaseFiles1764000000000 } from './1764000000000-CaseFiles.js';
import { EthicsAndConsent1764100000000 } from './1764100000000-EthicsAndConsent.js';
import { Sessions1764200000000 } from './1764200000000-Sessions.js';
import { Referrals1764300000000 } from './1764300000000-Referrals.js';
import { AccessChanges1764400000000 } from './1764400000000-AccessChanges.js';
import { CaseReferences1764500000000 } from './1764500000000-CaseReferences.js';
import { SessionActivity1764600000000 } from './1764600000000-SessionActivity.js';
import { SecondFactor1764650000000 } from './1764650000000-SecondFactor.js';
import { Passkeys1764660000000 } from './1764660000000-Passkeys.js';
import { SharedRateLimit1764670000000 } from './1764670000000-SharedRateLimit.js';
import { ListIndexes1764900000000 } from './1764900000000-ListIndexes.js';
import { StatisticsColumns1764800000000 } from './1764800000000-StatisticsColumns.js';
import { RightsRequests1764810000000 } from './1764810000000-RightsRequests.js';
import { Retention1764820000000 } from './1764820000000-Retention.js';
import { Workflows1764720000000 } from './1764720000000-Workflows.js';
import { Notifications1764950000000 } from './1764950000000-Notifications.js';
import { Reminders1764970000000 } from './1764970000000-Reminders.js';
import { RightsMeasures1765000000000 } from './1765000000000-RightsMeasures.js';
import { FrenchIdentifiers1765010000000 } from './1765010000000-FrenchIdentifiers.js';
import { AccessChangeOrganization1765020000000 } from './1765020000000-AccessChangeOrganization.js';
import { ListOrderIndexes1765030000000 } from './1765030000000-ListOrderIndexes.js';
import { AuditExpectedTail1765040000000 } from './1765040000000-AuditExpectedTail.js';

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
  SecondFactor1764650000000,
  Passkeys1764660000000,
  SharedRateLimit1764670000000,
  Workflows1764720000000,
  StatisticsColumns1764800000000,
  RightsRequests1764810000000,
  Retention1764820000000,
  ListIndexes1764900000000,
  Notifications1764950000000,
  Reminders1764970000000,
  RightsMeasures1765000000000,
  FrenchIdentifiers1765010000000,
  AccessChangeOrganization1765020000000,
  ListOrderIndexes1765030000000,
  AuditExpectedTail1765040000000,
];
