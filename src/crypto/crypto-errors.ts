/** A ciphertext that does not decrypt: tampered, moved to another row or column, or wrong key. */
export class IntegrityError extends Error {
  constructor(what: string) {
    super(`${what} failed authentication`);
    this.name = 'IntegrityError';
  }
}

/** A situation whose data key was destroyed (crypto-shredding). */
export class ShreddedError extends Error {
  constructor(readonly situationId?: string) {
    super('data key destroyed');
    this.name = 'ShreddedError';
  }
}
