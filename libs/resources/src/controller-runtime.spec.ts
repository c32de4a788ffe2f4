import { Writable } from 'node:stream';
import { createLogger } from '@talos/log';
import type { Controller, ReconcileContext } from './controller';
import { ControllerRuntime } from './controller-runtime';
import { ControllerState } from './controller-state';
import { ResourceError } from './errors';
import { eventuallyResource, startControllers, type ControllerRig } from './harness';
import { InMemoryState } from './in-memory-state';
import { pointer } from './resource';

const NS = 'test';
const SOURCE = 'Sources.test.talos.dev';
const DOUBLED = 'Doubleds.test.talos.dev';
const TOTAL = 'Totals.test.talos.dev';

interface Value {
  value: number;
}

/** Doubles every Source into a Doubled of the same id, and tidies the Doubleds of removed Sources. */
const doubler: Controller = {
  name: 'test.DoublerController',
  inputs: [{ namespace: NS, type: SOURCE, kind: 'weak' }],
  outputs: [{ type: DOUBLED, kind: 'exclusive' }],
  async reconcile({ state }) {
    const sources = await state.list<Value>(NS, SOURCE);
    for (const s of sources) {
      await state.modify(pointer<Value>(NS, DOUBLED, s.metadata.id), () => ({ value: s.spec.value * 2 }));
    }
    await state.tidyOutputs(
      NS,
      DOUBLED,
      sources.map((s) => s.metadata.id),
    );
  },
};

/** Sums every Doubled into the Total `all`. */
const summer: Controller = {
  name: 'test.SummerController',
  inputs: [{ namespace: NS, type: DOUBLED, kind: 'strong' }],
  outputs: [{ type: TOTAL, kind: 'exclusive' }],
  async reconcile({ state }) {
    const all = await state.list<Value>(NS, DOUBLED);
    const value = all.reduce((sum, r) => sum + r.spec.value, 0);
    await state.modify(pointer<Value>(NS, TOTAL, 'all'), () => ({ value }));
  },
};

function controller(name: string, partial: Partial<Controller> = {}): Controller {
  return { name, inputs: [], outputs: [], reconcile: async () => {}, ...partial };
}

describe('ControllerRuntime', () => {
  let rig: ControllerRig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  it('runs a two-controller pipeline: Source -> Doubled -> Total', async () => {
    rig = startControllers([doubler, summer]);
    const { state } = rig;
    await state.create(pointer(NS, SOURCE, 'a'), { value: 1 });
    await state.create(pointer(NS, SOURCE, 'b'), { value: 2 });
    await eventuallyResource(state, NS, TOTAL, 'all', {
      spec: { value: 6 },
      metadata: { owner: summer.name },
    });
    await eventuallyResource(state, NS, DOUBLED, 'b', {
      spec: { value: 4 },
      metadata: { owner: doubler.name },
    });

    await state.update(pointer(NS, SOURCE, 'a'), 1, { value: 10 });
    await eventuallyResource(state, NS, TOTAL, 'all', { spec: { value: 24 } });

    await state.destroy(pointer(NS, SOURCE, 'b'));
    await eventuallyResource(state, NS, DOUBLED, 'b', (r) => r === undefined);
    await eventuallyResource(state, NS, TOTAL, 'all', { spec: { value: 20 } });
  });

  it('reports a resource that never matches, with what it last saw', async () => {
    rig = startControllers([doubler]);
    await rig.state.create(pointer(NS, SOURCE, 'a'), { value: 1 });
    await expect(
      eventuallyResource(rig.state, NS, DOUBLED, 'a', { spec: { value: 3 } }, 100),
    ).rejects.toThrow(/did not match within 100 ms; last seen: .*"value":2/);
  });

  it('refuses a second owner of an exclusive output type at registration', () => {
    const runtime = new ControllerRuntime(new InMemoryState());
    runtime.register(controller('one', { outputs: [{ type: DOUBLED, kind: 'exclusive' }] }));
    for (const kind of ['exclusive', 'shared'] as const) {
      let error: unknown;
      try {
        runtime.register(controller(`two-${kind}`, { outputs: [{ type: DOUBLED, kind }] }));
      } catch (err) {
        error = err;
      }
      expect(ResourceError.is(error, 'ownerConflict')).toBe(true);
      expect((error as Error).message).toMatch(/output Doubleds.test.talos.dev is already managed by one/);
    }
    runtime.register(controller('three', { outputs: [{ type: TOTAL, kind: 'shared' }] }));
    runtime.register(controller('four', { outputs: [{ type: TOTAL, kind: 'shared' }] }));
    expect(() =>
      runtime.register(controller('five', { outputs: [{ type: TOTAL, kind: 'exclusive' }] })),
    ).toThrow(ResourceError);
    expect(() => runtime.register(controller('three'))).toThrow(/already registered/);
  });

  it('lets a controller write only its declared outputs, stamped with its name', async () => {
    const state = new InMemoryState();
    await state.create(pointer(NS, SOURCE, 's'), { value: 1 });
    const cs = new ControllerState(
      state,
      'writer',
      [{ namespace: NS, type: SOURCE, kind: 'weak' }],
      [{ type: DOUBLED, kind: 'exclusive' }],
    );
    await expect(cs.create(pointer(NS, TOTAL, 'x'), { value: 1 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(cs.modify(pointer(NS, SOURCE, 's'), () => ({ value: 2 }))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(cs.destroy(pointer(NS, SOURCE, 's'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(cs.list(NS, TOTAL)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(cs.list('elsewhere', SOURCE)).rejects.toMatchObject({ code: 'forbidden' });
    // finalizers only on strong inputs
    await expect(cs.addFinalizer(pointer(NS, SOURCE, 's'), 'f')).rejects.toMatchObject({ code: 'forbidden' });

    const r = await cs.create(pointer(NS, DOUBLED, 'd'), { value: 2 });
    expect(r.metadata.owner).toBe('writer');
    // someone else's resource of the same type stays out of reach
    await state.create(pointer(NS, DOUBLED, 'theirs'), { value: 0 }, { owner: 'other' });
    await expect(cs.modify(pointer(NS, DOUBLED, 'theirs'), () => ({ value: 9 }))).rejects.toMatchObject({
      code: 'ownerConflict',
    });
    expect((await state.get(pointer(NS, SOURCE, 's'))).spec).toEqual({ value: 1 });
  });

  it('refuses, inside the runtime, a write to an undeclared output', async () => {
    const errors: unknown[] = [];
    rig = startControllers(
      [
        controller('sneaky', {
          outputs: [{ type: DOUBLED, kind: 'exclusive' }],
          async reconcile({ state }) {
            try {
              await state.create(pointer(NS, TOTAL, 'x'), { value: 1 });
            } catch (err) {
              errors.push(err);
            }
            await state.modify(pointer(NS, DOUBLED, 'ok'), () => ({ value: 1 }));
          },
        }),
      ],
      { backoff: { initialMs: 1, maxMs: 1 } },
    );
    await eventuallyResource(rig.state, NS, DOUBLED, 'ok', { spec: { value: 1 } });
    expect(errors).toHaveLength(1);
    expect(ResourceError.is(errors[0], 'forbidden')).toBe(true);
    await expect(rig.state.get(pointer(NS, TOTAL, 'x'))).rejects.toMatchObject({ code: 'notFound' });
  });

  it('restarts a failing controller with exponential back-off, and logs each failure', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      name: 'test',
      level: 'info',
      destination: new Writable({
        write(chunk: Buffer, _enc, cb) {
          lines.push(...chunk.toString().split('\n').filter(Boolean));
          cb();
        },
      }),
    });
    const calls: number[] = [];
    rig = startControllers(
      [
        controller('flaky', {
          outputs: [{ type: TOTAL, kind: 'exclusive' }],
          async reconcile({ state }) {
            calls.push(performance.now());
            if (calls.length <= 3) throw new Error(`boom ${calls.length}`);
            await state.modify(pointer(NS, TOTAL, 'done'), () => ({ value: calls.length }));
          },
        }),
      ],
      { logger, backoff: { initialMs: 20, maxMs: 60 } },
    );
    await eventuallyResource(rig.state, NS, TOTAL, 'done', { spec: { value: 4 } });
    const gaps = calls.slice(1).map((t, i) => t - calls[i]!);
    // 20, 40, then capped at 60 (a timer may fire up to a millisecond early)
    expect(gaps[0]).toBeGreaterThanOrEqual(19);
    expect(gaps[1]).toBeGreaterThanOrEqual(39);
    expect(gaps[2]).toBeGreaterThanOrEqual(59);
    expect(gaps[2]).toBeLessThan(500);
    const failures = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'controller failed, restarting');
    expect(failures.map((l) => [l.controller, l.err, l.retryInMs])).toEqual([
      ['flaky', 'boom 1', 20],
      ['flaky', 'boom 2', 40],
      ['flaky', 'boom 3', 60],
    ]);
  });

  it('coalesces a burst of input changes into one reconcile', async () => {
    let reconciles = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    rig = startControllers([
      controller('counter', {
        inputs: [{ namespace: NS, type: SOURCE, kind: 'weak' }],
        outputs: [{ type: TOTAL, kind: 'exclusive' }],
        async reconcile({ state }: ReconcileContext) {
          reconciles++;
          if (reconciles === 1) await gate;
          const n = (await state.list(NS, SOURCE)).length;
          await state.modify(pointer(NS, TOTAL, 'count'), () => ({ value: n, reconciles }));
        },
      }),
    ]);
    await until(() => reconciles === 1);
    for (let i = 0; i < 50; i++) await rig.state.create(pointer(NS, SOURCE, `s${i}`), { value: i });
    await new Promise((r) => setImmediate(r)); // every change has reached the controller's watch
    release();
    await eventuallyResource(rig.state, NS, TOTAL, 'count', { spec: { value: 50 } });
    await new Promise((r) => setTimeout(r, 20));
    expect(reconciles).toBe(2);

    await rig.state.create(pointer(NS, SOURCE, 'late'), { value: 0 });
    await eventuallyResource(rig.state, NS, TOTAL, 'count', { spec: { value: 51, reconciles: 3 } });
  });

  it('wakes only on the input id it asked for', async () => {
    let reconciles = 0;
    rig = startControllers([
      controller('picky', {
        inputs: [{ namespace: NS, type: SOURCE, id: 'wanted', kind: 'weak' }],
        outputs: [{ type: TOTAL, kind: 'exclusive' }],
        async reconcile({ state }) {
          reconciles++;
          const src = await state.find<Value>(pointer(NS, SOURCE, 'wanted'));
          await state.modify(pointer(NS, TOTAL, 'picked'), () => ({ value: src?.spec.value ?? -1 }));
        },
      }),
    ]);
    await eventuallyResource(rig.state, NS, TOTAL, 'picked', { spec: { value: -1 } });
    await rig.state.create(pointer(NS, SOURCE, 'other'), { value: 5 });
    await rig.state.create(pointer(NS, SOURCE, 'wanted'), { value: 7 });
    await eventuallyResource(rig.state, NS, TOTAL, 'picked', { spec: { value: 7 } });
    expect(reconciles).toBe(2);
  });

  it('resyncs a controller whose input watch overran', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reconciles = 0;
    rig = startControllers(
      [
        controller('slow', {
          inputs: [{ namespace: NS, type: SOURCE, kind: 'weak' }],
          outputs: [{ type: TOTAL, kind: 'exclusive' }],
          async reconcile({ state }) {
            if (++reconciles === 1) await gate;
            const n = (await state.list(NS, SOURCE)).length;
            await state.modify(pointer(NS, TOTAL, 'count'), () => ({ value: n }));
          },
        }),
      ],
      { watchCapacity: 4 },
    );
    await until(() => reconciles === 1);
    // synchronous burst: the watch cannot drain in between, so it overruns
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => rig!.state.create(pointer(NS, SOURCE, `s${i}`), {})),
    );
    release();
    await eventuallyResource(rig.state, NS, TOTAL, 'count', { spec: { value: 20 } });
    await rig.state.create(pointer(NS, SOURCE, 'after'), {});
    await eventuallyResource(rig.state, NS, TOTAL, 'count', { spec: { value: 21 } });
  });

  it('stops every controller when the signal aborts, even in back-off', async () => {
    const rigLocal = startControllers(
      [
        controller('always-failing', {
          async reconcile() {
            throw new Error('no');
          },
        }),
      ],
      { backoff: { initialMs: 60_000, maxMs: 60_000 } },
    );
    await new Promise((r) => setTimeout(r, 10));
    const started = Date.now();
    await rigLocal.stop();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('exposes the dependency graph with MANAGES, STRONG and WEAK edges', () => {
    const runtime = new ControllerRuntime(new InMemoryState());
    runtime.register(doubler);
    runtime.register(summer);
    runtime.register(
      controller('test.PickyController', {
        inputs: [{ namespace: NS, type: SOURCE, id: 'wanted', kind: 'weak' }],
      }),
    );
    const graph = runtime.dependencyGraph();
    expect(graph.controllers).toEqual([
      'test.DoublerController',
      'test.PickyController',
      'test.SummerController',
    ]);
    expect(graph.resourceTypes).toEqual([DOUBLED, SOURCE, TOTAL]);
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        {
          controllerName: doubler.name,
          edgeType: 'MANAGES',
          resourceNamespace: '',
          resourceType: DOUBLED,
          resourceId: '',
        },
        {
          controllerName: doubler.name,
          edgeType: 'WEAK',
          resourceNamespace: NS,
          resourceType: SOURCE,
          resourceId: '',
        },
        {
          controllerName: summer.name,
          edgeType: 'STRONG',
          resourceNamespace: NS,
          resourceType: DOUBLED,
          resourceId: '',
        },
        {
          controllerName: summer.name,
          edgeType: 'MANAGES',
          resourceNamespace: '',
          resourceType: TOTAL,
          resourceId: '',
        },
        {
          controllerName: 'test.PickyController',
          edgeType: 'WEAK',
          resourceNamespace: NS,
          resourceType: SOURCE,
          resourceId: 'wanted',
        },
      ]),
    );
    expect(graph.edges).toHaveLength(5);
  });
});

async function until(cond: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 1));
  }
}
