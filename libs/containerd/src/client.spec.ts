// The client against a real containerd 1.6 + runc (needs root): a container runs the host's node
// from a read-only bind of `/`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type ContainerdClient, isNotFound, OCI_SPEC_TYPE_URL, RUNC_V2_RUNTIME } from './client';
import { systemContainerSpec } from './oci-spec';
import { startContainerdFixture, type ContainerdFixture } from './test-fixture';

const root = process.getuid?.() === 0;
if (!root)
  process.stderr.write('skipping containerd client tests: they need root (containerd, runc, mounts)\n');
const describeRoot = root ? describe : describe.skip;

describeRoot('ContainerdClient (real containerd)', () => {
  const namespace = `talos-test-${process.pid}`;
  let fixture: ContainerdFixture | undefined;
  let dir: string;
  let rootfs: string;
  let client: ContainerdClient;

  beforeAll(async () => {
    fixture = await startContainerdFixture('ctrd-client-', namespace);
    ({ dir, rootfs, client } = fixture);
  }, 30_000);

  afterAll(async () => {
    await fixture?.stop();
  }, 30_000);

  it('answers Version', async () => {
    const v = await client.getVersion();
    expect(v.version).toMatch(/^1\.6\./);
  });

  it('names a missing container in the error', async () => {
    await expect(client.getContainer('nope')).rejects.toThrow('containerd: container "nope" not found');
    await expect(client.getTask('nope')).rejects.toThrow(/containerd: task "nope" not found/);
    expect(await client.getContainer('nope').catch(isNotFound)).toBe(true);
  });

  it('creates a container, runs its task to completion and deletes both', async () => {
    const out = path.join(dir, 'hello.out');
    const spec = systemContainerSpec({
      id: 'hello',
      rootfs,
      args: [
        process.execPath,
        '-e',
        'console.log("hello from " + require("os").hostname()); process.exit(3)',
      ],
      binds: [{ source: dir, readonly: false }],
      memoryLimitBytes: 256 * 1024 * 1024,
      cgroupParent: `/${namespace}`,
    });
    const created = await client.createContainer({ id: 'hello', spec });
    expect(created.runtime?.name).toBe(RUNC_V2_RUNTIME);
    expect(created.spec?.type_url).toBe(OCI_SPEC_TYPE_URL);
    expect((await client.listContainers()).map((c) => c.id)).toEqual(['hello']);
    // Another namespace does not see it.
    expect(await client.withNamespace('other').listContainers()).toEqual([]);

    // The shim writes file:// URIs to files it creates (plain paths must be FIFOs).
    await client.createTask({ containerId: 'hello', stdout: `file://${out}`, stderr: `file://${out}` });
    const exited = client.waitTask('hello');
    const pid = await client.startTask('hello');
    expect(pid).toBeGreaterThan(1);
    expect((await client.listTasks()).map((t) => t.containerId)).toEqual(['hello']);
    const status = await exited;
    expect(status.exitStatus).toBe(3);
    expect((await client.getTask('hello')).status).toBe('STOPPED');
    expect(await readFile(out, 'utf8')).toBe('hello from hello\n');

    expect((await client.deleteTask('hello')).exitStatus).toBe(3);
    await client.deleteContainer('hello');
    expect(await client.listContainers()).toEqual([]);
  }, 30_000);
});
