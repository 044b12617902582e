import { HttpStatus, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ProblemException, ProblemType } from '../common/problem.js';
import { type Charter, ETHICS, type EthicsPolicy } from './policy.js';

export { ETHICS };

/** The charter and the policy loaded at boot, and each participant's acceptance of the charter. */
@Injectable()
export class EthicsService implements OnApplicationBootstrap {
  readonly policy: EthicsPolicy;
  readonly charter: Charter;
  /**
   * Users known to have accepted the charter in force. An acceptance is never withdrawn (the
   * service has no way to delete one), so each request need not ask the database again; bounded.
   */
  private readonly accepted = new Set<string>();

  constructor(
    @Inject(ETHICS) ethics: { policy: EthicsPolicy; charter: Charter },
    @InjectDataSource('cellule') private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.policy = ethics.policy;
    this.charter = ethics.charter;
    // Every audit entry from now on names the rules in force.
    audit.policyVersion = this.policy.fingerprint;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.audit.record({
      action: 'policy.load',
      resourceType: 'ethics_policy',
      outcome: 'granted',
      actor: { userId: null, role: 'system', organizationId: null },
    });
  }

  async acceptedAt(userId: string): Promise<Date | null> {
    const [row] = await this.dataSource.query<{ accepted_at: Date }[]>(
      'SELECT accepted_at FROM cellule.charter_acceptance WHERE user_id = $1 AND charter_version = $2',
      [userId, this.charter.version],
    );
    return row?.accepted_at ?? null;
  }

  /** 403 of a dedicated type, naming the version to accept, until the current charter is accepted. */
  async assertAccepted(user: AuthenticatedUser): Promise<void> {
    if (this.accepted.has(user.id)) return;
    if (await this.acceptedAt(user.id)) {
      if (this.accepted.size >= 10_000) this.accepted.clear();
      this.accepted.add(user.id);
      return;
    }
    await this.audit.record({ action: 'charter.required', resourceType: 'ethics_charter', resourceId: null, outcome: 'denied' });
    throw new ProblemException(
      HttpStatus.FORBIDDEN,
      ProblemType.charterAcceptanceRequired,
      'Charte éthique à accepter',
      `Acceptez la charte éthique en vigueur (version ${this.charter.version}) avant de consulter une situation.`,
      { charterVersion: this.charter.version },
    );
  }

  async accept(user: AuthenticatedUser, version: string): Promise<Date> {
    if (version !== this.charter.version) {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        ProblemType.charterVersionMismatch,
        'Version de la charte dépassée',
        `La version en vigueur de la charte est ${this.charter.version}.`,
        { charterVersion: this.charter.version },
      );
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO cellule.charter_acceptance (user_id, charter_version) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        user.id,
        version,
      ]);
      await this.audit.recordWithin(manager, {
        action: 'charter.accept',
        resourceType: 'ethics_charter',
        resourceId: null,
        outcome: 'granted',
      });
      const [row] = await manager.query<{ accepted_at: Date }[]>(
        'SELECT accepted_at FROM cellule.charter_acceptance WHERE user_id = $1 AND charter_version = $2',
        [user.id, version],
      );
      return row.accepted_at;
    });
  }
}
