import { hash, verify } from '@node-rs/argon2';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException, ProblemType } from '../common/problem.js';

/** argon2id (the library's default algorithm) at OWASP's baseline: 19 MiB, 2 passes, 1 lane. */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
export const MIN_PASSWORD_LENGTH = 12;

@Injectable()
export class PasswordService {
  /** Verified against when the e-mail is unknown, so both cases take the same time. */
  private readonly decoyHash = hash('decoy password that matches nothing', ARGON2_OPTIONS);

  /** Refuses passwords that break the policy with 422 problem+json. */
  assertAcceptable(password: string, email: string): void {
    const problems: string[] = [];
    if ([...password].length < MIN_PASSWORD_LENGTH) {
      problems.push(`Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`);
    }
    const normalised = password.trim().toLowerCase();
    const localPart = email.split('@')[0];
    if (normalised === email.toLowerCase() || (localPart.length >= 4 && normalised.includes(localPart))) {
      problems.push("Le mot de passe ne doit pas reprendre l'adresse e-mail.");
    }
    if (problems.length > 0) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.weakPassword, 'Weak password', problems.join(' '));
    }
  }

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  /** Constant work whether or not an account was found. */
  async verify(storedHash: string | undefined, password: string): Promise<boolean> {
    const target = storedHash ?? (await this.decoyHash);
    const matches = await verify(target, password).catch(() => false);
    return storedHash !== undefined && matches;
  }
}
