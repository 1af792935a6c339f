import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Tokens at rest: AES-256-GCM with a random 12-byte nonce, stored as `v1.<key id>.<nonce>.<tag>.<ciphertext>` (base64url).
 * The key id (the first bytes of the key's SHA-256) lets a row written under an older key be told apart after a
 * rotation; the raw token is never in a table.
 */
export class TokenCipher {
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('TokenCipher needs a 32-byte key');
    this.keyId = createHash('sha256').update(key).digest('base64url').slice(0, 8);
  }

  /** The text to store for `token`. */
  seal(token: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return ['v1', this.keyId, nonce, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** The token `sealed` holds; throws when it was sealed under another key or altered. */
  open(sealed: string): string {
    const [version, keyId, nonce, tag, body] = sealed.split('.');
    if (version !== 'v1' || keyId !== this.keyId || nonce === undefined || tag === undefined || body === undefined) {
      throw new Error(`a token sealed under another key (${keyId ?? 'unknown'}) or in another format`);
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/** The 32-byte key of a TOKEN_ENCRYPTION_KEY value (standard or URL-safe base64), or undefined when it is not one. */
export function encryptionKey(value: string): Buffer | undefined {
  const text = value.trim();
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return undefined;
  const key = Buffer.from(text.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
  return key.length === 32 ? key : undefined;
}
