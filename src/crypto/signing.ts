import sodium from 'libsodium-wrappers';

/** Ed25519 (libsodium) keys derived from a 32-byte seed held in configuration. */
export class Ed25519Signer {
  private constructor(
    readonly publicKey: Uint8Array,
    private readonly privateKey: Uint8Array,
  ) {}

  static async fromSeed(seed: Uint8Array): Promise<Ed25519Signer> {
    await sodium.ready;
    const { publicKey, privateKey } = sodium.crypto_sign_seed_keypair(seed);
    return new Ed25519Signer(publicKey, privateKey);
  }

  sign(message: Uint8Array): Uint8Array {
    return sodium.crypto_sign_detached(message, this.privateKey);
  }

  static verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
    try {
      return sodium.crypto_sign_verify_detached(signature, message, publicKey);
    } catch {
      return false;
    }
  }
}
