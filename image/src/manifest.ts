// The image manifest (version, kernel release, creation time, sha256 and size of each artifact) and
// its ed25519 signature over the manifest file's exact bytes.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IMAGE_MANIFEST_FILE, IMAGE_PUBLIC_KEY_FILE, IMAGE_SIGNATURE_FILE } from '@talos/constants';

export interface ArtifactDigest {
  sha256: string;
  size: number;
}

export interface ImageManifest {
  version: string;
  kernelRelease: string;
  /** The commit time of the sources the image was built from (ISO 8601), not the build's wall clock. */
  created: string;
  artifacts: Record<string, ArtifactDigest>;
}

export async function digestFile(file: string): Promise<ArtifactDigest> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** The manifest's bytes: stable key order, two-space indent, trailing newline. */
export function renderManifest(m: ImageManifest): string {
  const artifacts = Object.fromEntries(
    Object.keys(m.artifacts)
      .sort()
      .map((k) => [k, { sha256: m.artifacts[k]!.sha256, size: m.artifacts[k]!.size }]),
  );
  return (
    JSON.stringify(
      { version: m.version, kernelRelease: m.kernelRelease, created: m.created, artifacts },
      null,
      2,
    ) + '\n'
  );
}

export function parseManifest(text: string): ImageManifest {
  const m = JSON.parse(text) as Partial<ImageManifest>;
  if (typeof m.version !== 'string' || typeof m.artifacts !== 'object' || m.artifacts === null) {
    throw new Error('not an image manifest (no version or artifacts)');
  }
  for (const [name, a] of Object.entries(m.artifacts)) {
    if (
      name.includes('/') ||
      name.startsWith('.') ||
      typeof a?.sha256 !== 'string' ||
      typeof a.size !== 'number'
    ) {
      throw new Error(`bad artifact entry ${JSON.stringify(name)}`);
    }
  }
  return m as ImageManifest;
}

/** Writes manifest.json, manifest.sig (raw ed25519 signature) and signing.pub (SPKI PEM) into `dir`. */
export async function writeSignedManifest(
  dir: string,
  artifacts: readonly string[],
  meta: Omit<ImageManifest, 'artifacts'>,
  key: crypto.KeyObject,
): Promise<ImageManifest> {
  const manifest: ImageManifest = { ...meta, artifacts: {} };
  for (const name of artifacts) manifest.artifacts[name] = await digestFile(path.join(dir, name));
  const bytes = Buffer.from(renderManifest(manifest));
  fs.writeFileSync(path.join(dir, IMAGE_MANIFEST_FILE), bytes);
  fs.writeFileSync(path.join(dir, IMAGE_SIGNATURE_FILE), crypto.sign(null, bytes, key));
  const pub = crypto.createPublicKey(key).export({ type: 'spki', format: 'pem' });
  fs.writeFileSync(path.join(dir, IMAGE_PUBLIC_KEY_FILE), pub);
  return manifest;
}

export interface VerifyResult {
  ok: boolean;
  /** One line per problem, naming the file: "rootfs.sqsh: sha256 mismatch (...)". */
  problems: string[];
  manifest?: ImageManifest;
}

function short(hex: string): string {
  return `${hex.slice(0, 12)}…`;
}

/**
 * Checks the signature over manifest.json with `publicKeyFile` (default: the folder's signing.pub),
 * then every artifact's size and sha256 against the manifest.
 */
export async function verifyImage(dir: string, publicKeyFile?: string): Promise<VerifyResult> {
  const problems: string[] = [];
  const pubPath = publicKeyFile ?? path.join(dir, IMAGE_PUBLIC_KEY_FILE);
  const pubName = publicKeyFile ?? IMAGE_PUBLIC_KEY_FILE;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.join(dir, IMAGE_MANIFEST_FILE));
  } catch (err) {
    return { ok: false, problems: [`${IMAGE_MANIFEST_FILE}: cannot read: ${(err as Error).message}`] };
  }
  let publicKey: crypto.KeyObject | undefined;
  try {
    publicKey = crypto.createPublicKey(fs.readFileSync(pubPath));
    if (publicKey.asymmetricKeyType !== 'ed25519') {
      problems.push(`${pubName}: not an ed25519 public key (${publicKey.asymmetricKeyType})`);
      publicKey = undefined;
    }
  } catch (err) {
    problems.push(`${pubName}: cannot read public key: ${(err as Error).message}`);
  }
  if (publicKey) {
    let signature: Buffer | undefined;
    try {
      signature = fs.readFileSync(path.join(dir, IMAGE_SIGNATURE_FILE));
    } catch (err) {
      problems.push(`${IMAGE_SIGNATURE_FILE}: cannot read: ${(err as Error).message}`);
    }
    if (signature && !crypto.verify(null, bytes, publicKey, signature)) {
      problems.push(`${IMAGE_SIGNATURE_FILE}: signature does not verify with ${pubName}`);
    }
  }
  let manifest: ImageManifest;
  try {
    manifest = parseManifest(bytes.toString('utf8'));
  } catch (err) {
    problems.push(`${IMAGE_MANIFEST_FILE}: ${(err as Error).message}`);
    return { ok: false, problems };
  }
  for (const [name, want] of Object.entries(manifest.artifacts)) {
    let got: ArtifactDigest;
    try {
      got = await digestFile(path.join(dir, name));
    } catch (err) {
      problems.push(`${name}: cannot read: ${(err as Error).message}`);
      continue;
    }
    if (got.size !== want.size)
      problems.push(`${name}: size mismatch (manifest ${want.size}, file ${got.size})`);
    else if (got.sha256 !== want.sha256) {
      problems.push(`${name}: sha256 mismatch (manifest ${short(want.sha256)}, file ${short(got.sha256)})`);
    }
  }
  return { ok: problems.length === 0, problems, manifest };
}
