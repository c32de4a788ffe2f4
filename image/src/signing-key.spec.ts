import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IMAGE_SIGNING_KEY_ENV } from '@talos/constants';
import { resolveSigningKey } from './signing-key';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-key-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const pem = (key: crypto.KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }).toString();
const pub = (key: crypto.KeyObject) => crypto.createPublicKey(key).export({ type: 'spki', format: 'pem' });

describe('resolveSigningKey', () => {
  it('generates a development key once (0600 in a 0700 folder) and reuses it', () => {
    const devKeyFile = path.join(dir, 'keys', 'image-signing.key');
    const first = resolveSigningKey({ devKeyFile, env: {} });
    expect(first.source).toContain('generated now');
    expect(fs.statSync(devKeyFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(devKeyFile)).mode & 0o777).toBe(0o700);
    const second = resolveSigningKey({ devKeyFile, env: {} });
    expect(second.source).toBe(`development key ${devKeyFile}`);
    expect(pub(second.key)).toEqual(pub(first.key));
  });

  it('prefers --key, then the environment (PEM or a file), and never puts the key in the source', () => {
    const devKeyFile = path.join(dir, 'dev.key');
    const a = crypto.generateKeyPairSync('ed25519').privateKey;
    const b = crypto.generateKeyPairSync('ed25519').privateKey;
    const keyFile = path.join(dir, 'a.key');
    fs.writeFileSync(keyFile, pem(a));
    const env = { [IMAGE_SIGNING_KEY_ENV]: pem(b) };
    expect(pub(resolveSigningKey({ keyFile, env, devKeyFile }).key)).toEqual(pub(a));
    const fromEnv = resolveSigningKey({ env, devKeyFile });
    expect(pub(fromEnv.key)).toEqual(pub(b));
    expect(fromEnv.source).toBe(`$${IMAGE_SIGNING_KEY_ENV}`);
    expect(pub(resolveSigningKey({ env: { [IMAGE_SIGNING_KEY_ENV]: keyFile }, devKeyFile }).key)).toEqual(
      pub(a),
    );
    expect(fs.existsSync(devKeyFile)).toBe(false);
  });

  it('refuses a key that is not ed25519', () => {
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const keyFile = path.join(dir, 'rsa.key');
    fs.writeFileSync(keyFile, pem(rsa));
    expect(() => resolveSigningKey({ keyFile, devKeyFile: path.join(dir, 'dev.key') })).toThrow(
      `error reading signing key from ${keyFile}: an ed25519 key is needed, not rsa`,
    );
  });
});
