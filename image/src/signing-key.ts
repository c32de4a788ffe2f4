// Which ed25519 key signs the image: --key FILE, else TALOS_IMAGE_SIGNING_KEY (PEM, or a file path),
// else a development key generated once under _out/keys (0600 in a 0700 folder) and reused.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IMAGE_SIGNING_KEY_ENV } from '@talos/constants';

export interface SigningKey {
  key: crypto.KeyObject;
  /** Where it came from, for the log (never the key itself). */
  source: string;
}

function parsePrivateKey(pem: string | Buffer, source: string): crypto.KeyObject {
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey(pem);
  } catch (err) {
    throw new Error(`error reading signing key from ${source}: ${(err as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `error reading signing key from ${source}: an ed25519 key is needed, not ${key.asymmetricKeyType}`,
    );
  }
  return key;
}

export function resolveSigningKey(opts: {
  keyFile?: string;
  env?: NodeJS.ProcessEnv;
  devKeyFile: string;
}): SigningKey {
  if (opts.keyFile) {
    return {
      key: parsePrivateKey(fs.readFileSync(opts.keyFile), opts.keyFile),
      source: `key file ${opts.keyFile}`,
    };
  }
  const fromEnv = (opts.env ?? process.env)[IMAGE_SIGNING_KEY_ENV];
  if (fromEnv) {
    if (fromEnv.includes('-----BEGIN')) {
      return {
        key: parsePrivateKey(fromEnv, `$${IMAGE_SIGNING_KEY_ENV}`),
        source: `$${IMAGE_SIGNING_KEY_ENV}`,
      };
    }
    return {
      key: parsePrivateKey(fs.readFileSync(fromEnv), fromEnv),
      source: `key file ${fromEnv} ($${IMAGE_SIGNING_KEY_ENV})`,
    };
  }
  if (!fs.existsSync(opts.devKeyFile)) {
    fs.mkdirSync(path.dirname(opts.devKeyFile), { recursive: true, mode: 0o700 });
    fs.chmodSync(path.dirname(opts.devKeyFile), 0o700);
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
    fs.writeFileSync(opts.devKeyFile, pem, { mode: 0o600, flag: 'wx' });
    return { key: privateKey, source: `development key ${opts.devKeyFile} (generated now)` };
  }
  return {
    key: parsePrivateKey(fs.readFileSync(opts.devKeyFile), opts.devKeyFile),
    source: `development key ${opts.devKeyFile}`,
  };
}
