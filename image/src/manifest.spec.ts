import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IMAGE_MANIFEST_FILE, IMAGE_PUBLIC_KEY_FILE, IMAGE_SIGNATURE_FILE } from '@talos/constants';
import { parseManifest, renderManifest, verifyImage, writeSignedManifest } from './manifest';

const ARTIFACTS = ['vmlinuz', 'initramfs.img', 'rootfs.sqsh'];
let dir: string;
let key: crypto.KeyObject;

function flipByte(file: string, at: number): void {
  const buf = fs.readFileSync(file);
  buf[at] = buf[at]! ^ 0x01;
  fs.writeFileSync(file, buf);
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-manifest-'));
  for (const name of ARTIFACTS) fs.writeFileSync(path.join(dir, name), crypto.randomBytes(4096));
  key = crypto.generateKeyPairSync('ed25519').privateKey;
  await writeSignedManifest(
    dir,
    ARTIFACTS,
    { version: '1.2.3', kernelRelease: '6.1.0-test', created: '2026-01-01T00:00:00.000Z' },
    key,
  );
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('signed image manifest', () => {
  it('verifies what it signed, and records each artifact', async () => {
    const res = await verifyImage(dir);
    expect(res.problems).toEqual([]);
    expect(res.ok).toBe(true);
    const manifest = parseManifest(fs.readFileSync(path.join(dir, IMAGE_MANIFEST_FILE), 'utf8'));
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.kernelRelease).toBe('6.1.0-test');
    const rootfs = fs.readFileSync(path.join(dir, 'rootfs.sqsh'));
    expect(manifest.artifacts['rootfs.sqsh']).toEqual({
      sha256: crypto.createHash('sha256').update(rootfs).digest('hex'),
      size: 4096,
    });
    expect(fs.readFileSync(path.join(dir, IMAGE_SIGNATURE_FILE))).toHaveLength(64);
  });

  it.each(ARTIFACTS)('fails naming %s when one of its bytes changes', async (name) => {
    flipByte(path.join(dir, name), 1000);
    const res = await verifyImage(dir);
    expect(res.ok).toBe(false);
    expect(res.problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${name.replace('.', '\\.')}: sha256 mismatch \\(manifest [0-9a-f]{12}…, file [0-9a-f]{12}…\\)$`,
        ),
      ),
    ]);
  });

  it('fails on a truncated artifact with a size mismatch', async () => {
    fs.truncateSync(path.join(dir, 'vmlinuz'), 100);
    const res = await verifyImage(dir);
    expect(res.problems).toEqual(['vmlinuz: size mismatch (manifest 4096, file 100)']);
  });

  it('fails on a changed byte of the manifest: the signature no longer verifies', async () => {
    flipByte(path.join(dir, IMAGE_MANIFEST_FILE), 5);
    const res = await verifyImage(dir);
    expect(res.ok).toBe(false);
    expect(res.problems).toContain(
      `${IMAGE_SIGNATURE_FILE}: signature does not verify with ${IMAGE_PUBLIC_KEY_FILE}`,
    );
  });

  it('fails with another public key, naming it', async () => {
    const other = path.join(dir, 'other.pub');
    fs.writeFileSync(
      other,
      crypto.generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }),
    );
    const res = await verifyImage(dir, other);
    expect(res.problems).toEqual([`${IMAGE_SIGNATURE_FILE}: signature does not verify with ${other}`]);
  });

  it('fails on a missing artifact and a missing signature', async () => {
    fs.rmSync(path.join(dir, 'initramfs.img'));
    fs.rmSync(path.join(dir, IMAGE_SIGNATURE_FILE));
    const res = await verifyImage(dir);
    expect(res.problems).toEqual([
      expect.stringMatching(/^manifest\.sig: cannot read: /),
      expect.stringMatching(/^initramfs\.img: cannot read: /),
    ]);
  });

  it('renders the same bytes whatever the artifacts order', () => {
    const meta = { version: 'v', kernelRelease: 'k', created: 'c' };
    const a = renderManifest({
      ...meta,
      artifacts: { b: { sha256: '1', size: 1 }, a: { sha256: '2', size: 2 } },
    });
    const b = renderManifest({
      ...meta,
      artifacts: { a: { sha256: '2', size: 2 }, b: { sha256: '1', size: 1 } },
    });
    expect(a).toBe(b);
    expect(a.endsWith('}\n')).toBe(true);
  });

  it('refuses artifact names that leave the folder', () => {
    const text = JSON.stringify({ version: 'v', artifacts: { '../etc/passwd': { sha256: 'x', size: 1 } } });
    expect(() => parseManifest(text)).toThrow('bad artifact entry');
  });
});
