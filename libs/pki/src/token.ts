// Tokens in Talos's (and kubeadm's) format: 6 + 16 characters of [a-z0-9], separated by a dot.
import { randomInt, timingSafeEqual, createHash } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const TOKEN_PATTERN = /^[a-z0-9]{6}\.[a-z0-9]{16}$/;

function randomString(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

export function generateToken(): string {
  return `${randomString(6)}.${randomString(16)}`;
}

/** Constant-time string comparison (hashing first hides the length difference too). */
export function tokensEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}
