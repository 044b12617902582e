import { Secret, TOTP } from 'otpauth';

/**
 * The authenticator app of every test account: the TOTP secret each one enrolled, the last time
 * step it used (the service refuses a code twice) and its unused recovery codes. Real codes, as a
 * phone would compute them; nothing in the service is bypassed.
 */
interface Authenticator {
  totp: TOTP;
  lastStep: number;
  recoveryCodes: string[];
}

const PERIOD_SECONDS = 30;
const authenticators = new Map<string, Authenticator>();

export function rememberAuthenticator(email: string, secret: string, confirmedStep: number, recoveryCodes: string[]): void {
  authenticators.set(email.trim().toLowerCase(), {
    totp: new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS }),
    lastStep: confirmedStep,
    recoveryCodes: [...recoveryCodes],
  });
}

export function forgetAuthenticator(email: string): void {
  authenticators.delete(email.trim().toLowerCase());
}

export function hasAuthenticator(email: string): boolean {
  return authenticators.has(email.trim().toLowerCase());
}

export const currentStep = () => Math.floor(Date.now() / 1000 / PERIOD_SECONDS);

/** The code for a time step (what the app shows then). */
export function codeAt(secret: string, step: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS }).generate({
    timestamp: step * PERIOD_SECONDS * 1000,
  });
}

/**
 * A code the service will accept now: the current step's, or the next one's (inside the one-step
 * drift window) when the current one was already used; past that, a recovery code.
 */
export function nextCode(email: string): string {
  const authenticator = authenticators.get(email.trim().toLowerCase());
  if (!authenticator) throw new Error(`no authenticator enrolled for ${email}`);
  const now = currentStep();
  for (const step of [now, now + 1]) {
    if (step > authenticator.lastStep) {
      authenticator.lastStep = step;
      return authenticator.totp.generate({ timestamp: step * PERIOD_SECONDS * 1000 });
    }
  }
  const recovery = authenticator.recoveryCodes.shift();
  if (!recovery) throw new Error(`no code left for ${email} in this time step`);
  return recovery;
}

/** A six-digit code that is none of the codes the service accepts now for this account. */
export function wrongCode(email: string, seed = 0): string {
  const authenticator = authenticators.get(email.trim().toLowerCase());
  const now = currentStep();
  const valid = new Set(
    authenticator
      ? [now - 1, now, now + 1, now + 2].map((step) => authenticator.totp.generate({ timestamp: step * PERIOD_SECONDS * 1000 }))
      : [],
  );
  for (let candidate = seed; ; candidate++) {
    const code = String((candidate * 7919) % 1_000_000).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}
