import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { conflict, notFound, ProblemException, ProblemType } from '../common/problem.js';
import type { PasskeyDto } from './dto/passkey.dto.js';
import { SecondFactorService } from './second-factor.service.js';

/** Where the browser runs the console: the origin it signs and the relying party's id (its host name). */
export interface RelyingParty {
  origin: string;
  id: string;
}

const RP_NAME = 'CLSM cellule cas complexes';
const CHALLENGE_TTL_SECONDS = 300;

interface PasskeyRow {
  id: string;
  credential_id: string;
  public_key: Buffer;
  counter: string;
  transports: string[];
}

/**
 * WebAuthn passkeys, the other way to give the second factor (PGSSI-S): registered by a signed-in
 * person, then used at sign-in instead of a TOTP code. Each challenge is stored and spent by the
 * statement that checks it; a failed assertion counts towards the login lockout like a wrong code.
 */
@Injectable()
export class PasskeysService {
  constructor(
    @InjectDataSource('general') private readonly dataSource: DataSource,
    private readonly secondFactor: SecondFactorService,
    private readonly audit: AuditService,
  ) {}

  async registrationOptions(userId: string, rp: RelyingParty): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const [account] = await this.dataSource.query<
      {
        email: string;
        display_name: string;
      }[]
    >('SELECT email, display_name FROM clsm.user_account WHERE id = $1', [userId]);
    const existing = await this.credentials(userId);
    const options = await generateRegistrationOptions({
      rpName: RP_NAME,
      rpID: rp.id,
      userName: account.email,
      userDisplayName: account.display_name,
      userID: uuidBytes(userId),
      attestationType: 'none',
      excludeCredentials: existing.map((row) => ({ id: row.credential_id, transports: row.transports as AuthenticatorTransportFuture[] })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    await this.storeChallenge(userId, options.challenge, 'registration');
    return options;
  }

  async register(userId: string, response: RegistrationResponseJSON, name: string, rp: RelyingParty): Promise<PasskeyDto> {
    const challenge = await this.spendChallenge(userId, response.response?.clientDataJSON, 'registration');
    const verification = challenge
      ? await verifyRegistrationResponse({
          response,
          expectedChallenge: challenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.id,
          requireUserVerification: false,
        }).catch(() => undefined)
      : undefined;
    if (!verification?.verified) {
      await this.audit.record({ action: 'auth.passkey_register', resourceType: 'user', resourceId: userId, outcome: 'denied' });
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ProblemType.validation,
        'Clé d’accès refusée',
        'La clé d’accès n’a pas pu être vérifiée : recommencez l’ajout.',
      );
    }
    const { credential } = verification.registrationInfo;
    const [row] = await this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query<{ id: string; name: string; created_at: Date; last_used_at: Date | null }[]>(
        `INSERT INTO clsm.passkey (user_id, credential_id, public_key, counter, transports, name)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (credential_id) DO NOTHING RETURNING id, name, created_at, last_used_at`,
        [userId, credential.id, Buffer.from(credential.publicKey), credential.counter, credential.transports ?? [], name],
      );
      if (inserted.length === 0) throw conflict('Cette clé d’accès est déjà enregistrée.');
      await this.audit.recordWithin(manager, {
        action: 'auth.passkey_register',
        resourceType: 'passkey',
        resourceId: inserted[0].id,
        outcome: 'granted',
      });
      return inserted;
    });
    return toDto(row);
  }

  async authenticationOptions(userId: string, rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const existing = await this.credentials(userId);
    if (existing.length === 0) {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        ProblemType.conflict,
        'Aucune clé d’accès',
        'Aucune clé d’accès n’est enregistrée pour ce compte : saisissez le code de votre application.',
      );
    }
    const options = await generateAuthenticationOptions({
      rpID: rp.id,
      allowCredentials: existing.map((row) => ({ id: row.credential_id, transports: row.transports as AuthenticatorTransportFuture[] })),
      userVerification: 'preferred',
    });
    await this.storeChallenge(userId, options.challenge, 'authentication');
    return options;
  }

  /** Checks an assertion at sign-in; a bad one counts as a failed login. */
  async authenticate(userId: string, response: AuthenticationResponseJSON, rp: RelyingParty, clientAddress: string): Promise<void> {
    const attempt = await this.secondFactor.beginAttempt(userId, clientAddress);
    const challenge = await this.spendChallenge(userId, response.response?.clientDataJSON, 'authentication');
    const [passkey] = await this.dataSource.query<PasskeyRow[]>(
      'SELECT id, credential_id, public_key, counter, transports FROM clsm.passkey WHERE user_id = $1 AND credential_id = $2',
      [userId, response.id],
    );
    const verification =
      challenge && passkey
        ? await verifyAuthenticationResponse({
            response,
            expectedChallenge: challenge,
            expectedOrigin: rp.origin,
            expectedRPID: rp.id,
            credential: {
              id: passkey.credential_id,
              publicKey: copyBytes(passkey.public_key),
              counter: Number(passkey.counter),
              transports: passkey.transports as AuthenticatorTransportFuture[],
            },
            requireUserVerification: false,
          }).catch(() => undefined)
        : undefined;
    if (!verification?.verified) return this.secondFactor.failAttempt(attempt, 'auth.passkey_verify');
    await this.dataSource.query('UPDATE clsm.passkey SET counter = $2, last_used_at = now() WHERE id = $1', [
      passkey.id,
      verification.authenticationInfo.newCounter,
    ]);
    await this.secondFactor.succeedAttempt(attempt);
  }

  async list(userId: string): Promise<PasskeyDto[]> {
    const rows = await this.dataSource.query<{ id: string; name: string; created_at: Date; last_used_at: Date | null }[]>(
      'SELECT id, name, created_at, last_used_at FROM clsm.passkey WHERE user_id = $1 ORDER BY created_at',
      [userId],
    );
    return rows.map(toDto);
  }

  /** Removes one of one's passkeys, unless it is the account's only second factor. */
  async remove(userId: string, passkeyId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string; totp: boolean; total: number }[]>(
        `SELECT p.id, u.totp_confirmed_at IS NOT NULL AS totp, (SELECT count(*)::int FROM clsm.passkey o WHERE o.user_id = u.id) AS total
           FROM clsm.passkey p JOIN clsm.user_account u ON u.id = p.user_id
          WHERE p.id = $1 AND p.user_id = $2 FOR UPDATE OF u`,
        [passkeyId, userId],
      );
      if (!row) throw notFound('Cette clé d’accès est introuvable.');
      if (!row.totp && row.total <= 1) throw conflict('C’est votre seul second facteur : ajoutez-en un autre avant de retirer celui-ci.');
      await manager.query('DELETE FROM clsm.passkey WHERE id = $1', [passkeyId]);
      await this.audit.recordWithin(manager, {
        action: 'auth.passkey_remove',
        resourceType: 'passkey',
        resourceId: passkeyId,
        outcome: 'granted',
      });
    });
  }

  private async credentials(userId: string): Promise<PasskeyRow[]> {
    return await this.dataSource.query<PasskeyRow[]>(
      'SELECT id, credential_id, public_key, counter, transports FROM clsm.passkey WHERE user_id = $1',
      [userId],
    );
  }

  private async storeChallenge(userId: string, challenge: string, purpose: 'registration' | 'authentication'): Promise<void> {
    // One statement: the account's earlier challenge for this purpose (and its expired ones) goes in
    // the same round trip, and atomically, as the new one is stored.
    await this.dataSource.query(
      `WITH spent AS (DELETE FROM clsm.webauthn_challenge WHERE user_id = $2 AND (purpose = $3 OR expires_at < now()))
       INSERT INTO clsm.webauthn_challenge (challenge, user_id, purpose, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [challenge, userId, purpose, CHALLENGE_TTL_SECONDS],
    );
  }

  /** The challenge the browser signed, if it was issued to this account for this purpose and is still valid; spent now. */
  private async spendChallenge(
    userId: string,
    clientDataJSON: string | undefined,
    purpose: 'registration' | 'authentication',
  ): Promise<string | undefined> {
    let challenge: unknown;
    try {
      challenge = (JSON.parse(Buffer.from(String(clientDataJSON), 'base64url').toString('utf8')) as { challenge?: unknown }).challenge;
    } catch {
      return undefined;
    }
    if (typeof challenge !== 'string') return undefined;
    const [rows] = await this.dataSource.query<[{ challenge: string }[], number]>(
      `DELETE FROM clsm.webauthn_challenge WHERE challenge = $1 AND user_id = $2 AND purpose = $3 AND expires_at > now() RETURNING challenge`,
      [challenge, userId, purpose],
    );
    return rows[0]?.challenge;
  }
}

function toDto(row: { id: string; name: string; created_at: Date; last_used_at: Date | null }): PasskeyDto {
  return { id: row.id, name: row.name, createdAt: row.created_at.toISOString(), lastUsedAt: row.last_used_at?.toISOString() ?? null };
}

function uuidBytes(id: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(new ArrayBuffer(16));
  bytes.set(Buffer.from(id.replace(/-/g, ''), 'hex'));
  return bytes;
}

function copyBytes(source: Uint8Array): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(new ArrayBuffer(source.byteLength));
  bytes.set(source);
  return bytes;
}
