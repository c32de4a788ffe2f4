// The behaviour every State must show. A State's spec calls runStateConformance(name, makeState);
// makeState receives the watch capacity the overrun tests need.
import { ResourceError, type ResourceErrorCode } from './errors';
import { pointer, type Resource } from './resource';
import type { State, WatchEvent } from './state';

export interface ConformanceOptions {
  /** Live events a watcher may have unread before it is overrun. */
  watchCapacity: number;
}

const NS = 'test';
const TYPE = 'Widgets.test.talos.dev';

interface Widget {
  size: number;
  tags?: string[];
}

const w = (id: string) => pointer<Widget>(NS, TYPE, id);

export function runStateConformance(name: string, makeState: (opts: ConformanceOptions) => State): void {
  describe(`State conformance: ${name}`, () => {
    let state: State;
    beforeEach(() => {
      state = makeState({ watchCapacity: 8 });
    });

    describe('create, get, list', () => {
      it('creates a resource at version 1, running, with the given owner and labels', async () => {
        const r = await state.create(w('a'), { size: 1 }, { owner: 'ctrl', labels: { l: 'x' } });
        expect(r.metadata).toMatchObject({
          namespace: NS,
          type: TYPE,
          id: 'a',
          version: 1,
          phase: 'running',
          owner: 'ctrl',
          finalizers: [],
          labels: { l: 'x' },
        });
        expect(Date.parse(r.metadata.created)).not.toBeNaN();
        expect((await state.get(w('a'))).spec).toEqual({ size: 1 });
      });

      it('refuses to create a resource twice', async () => {
        await state.create(w('a'), { size: 1 });
        await expectCode(state.create(w('a'), { size: 2 }), 'conflict');
        expect((await state.get(w('a'))).spec.size).toBe(1);
      });

      it('reports a missing resource as notFound', async () => {
        await expectCode(state.get(w('nope')), 'notFound');
        await expectCode(state.update(w('nope'), 1, { size: 1 }), 'notFound');
        await expectCode(state.destroy(w('nope')), 'notFound');
      });

      it('lists one namespace and type, sorted by id, filtered by labels', async () => {
        await state.create(w('b'), { size: 2 }, { labels: { role: 'x' } });
        await state.create(w('a'), { size: 1 }, { labels: { role: 'y' } });
        await state.create(pointer('other', TYPE, 'c'), { size: 3 });
        await state.create(pointer(NS, 'Other.test.talos.dev', 'd'), { size: 4 });
        expect((await state.list(NS, TYPE)).map((r) => r.metadata.id)).toEqual(['a', 'b']);
        expect((await state.list(NS, TYPE, { labels: { role: 'x' } })).map((r) => r.metadata.id)).toEqual([
          'b',
        ]);
        expect(await state.list('empty', TYPE)).toEqual([]);
      });

      it('keeps its state out of callers reach (copies in, frozen out)', async () => {
        const spec: Widget = { size: 1, tags: ['t'] };
        const r = await state.create(w('a'), spec);
        spec.tags!.push('mutated');
        expect(() => (r.spec.tags as string[]).push('x')).toThrow();
        expect(() => ((r.metadata as { version: number }).version = 9)).toThrow();
        expect((await state.get(w('a'))).spec).toEqual({ size: 1, tags: ['t'] });
      });
    });

    describe('update', () => {
      it('bumps the version and replaces the spec', async () => {
        const r1 = await state.create(w('a'), { size: 1 });
        const r2 = await state.update(w('a'), r1.metadata.version, { size: 2 });
        expect(r2.metadata.version).toBe(2);
        expect(r2.metadata.created).toBe(r1.metadata.created);
        expect((await state.get(w('a'))).spec).toEqual({ size: 2 });
      });

      it('refuses an update at a stale version with conflict', async () => {
        const r1 = await state.create(w('a'), { size: 1 });
        await state.update(w('a'), r1.metadata.version, { size: 2 });
        await expectCode(state.update(w('a'), r1.metadata.version, { size: 3 }), 'conflict');
        expect((await state.get(w('a'))).spec.size).toBe(2);
      });

      it("refuses another owner's update with ownerConflict", async () => {
        await state.create(w('a'), { size: 1 }, { owner: 'one' });
        await expectCode(state.update(w('a'), 1, { size: 2 }, { owner: 'two' }), 'ownerConflict');
        await expectCode(state.update(w('a'), 1, { size: 2 }), 'ownerConflict');
        await expect(state.update(w('a'), 1, { size: 2 }, { owner: 'one' })).resolves.toBeTruthy();
      });

      it('refuses a spec update while tearing down with phaseConflict', async () => {
        await state.create(w('a'), { size: 1 });
        const t = await state.teardown(w('a'));
        expect(t.metadata.phase).toBe('tearingDown');
        await expectCode(state.update(w('a'), t.metadata.version, { size: 2 }), 'phaseConflict');
      });
    });

    describe('teardown, finalizers, destroy', () => {
      it('blocks destroy while finalizers remain', async () => {
        await state.create(w('a'), { size: 1 });
        await state.addFinalizer(w('a'), 'f1', 'f2');
        await state.teardown(w('a'));
        await expectCode(state.destroy(w('a')), 'finalizersPending');
        await state.removeFinalizer(w('a'), 'f1');
        await expectCode(state.destroy(w('a')), 'finalizersPending');
        await state.removeFinalizer(w('a'), 'f2');
        await state.destroy(w('a'));
        await expectCode(state.get(w('a')), 'notFound');
      });

      it('counts finalizer changes as versions, and ignores no-op changes', async () => {
        await state.create(w('a'), { size: 1 });
        expect((await state.addFinalizer(w('a'), 'f')).metadata).toMatchObject({
          version: 2,
          finalizers: ['f'],
        });
        expect((await state.addFinalizer(w('a'), 'f')).metadata.version).toBe(2);
        expect((await state.removeFinalizer(w('a'), 'g')).metadata.version).toBe(2);
        expect((await state.removeFinalizer(w('a'), 'f')).metadata).toMatchObject({
          version: 3,
          finalizers: [],
        });
      });

      it('refuses new finalizers once tearing down', async () => {
        await state.create(w('a'), { size: 1 });
        await state.teardown(w('a'));
        await expectCode(state.addFinalizer(w('a'), 'late'), 'phaseConflict');
      });

      it('lets only the owner tear down and destroy', async () => {
        await state.create(w('a'), { size: 1 }, { owner: 'one' });
        await expectCode(state.teardown(w('a'), { owner: 'two' }), 'ownerConflict');
        await expectCode(state.destroy(w('a')), 'ownerConflict');
        await state.destroy(w('a'), { owner: 'one' });
        await expectCode(state.get(w('a')), 'notFound');
      });

      it('tears down once (a second teardown changes nothing)', async () => {
        await state.create(w('a'), { size: 1 });
        const t1 = await state.teardown(w('a'));
        const t2 = await state.teardown(w('a'));
        expect(t2.metadata.version).toBe(t1.metadata.version);
      });
    });

    describe('watchKind', () => {
      it('sends the initial list, then bootstrapped, then changes in order', async () => {
        await state.create(w('b'), { size: 2 });
        await state.create(w('a'), { size: 1 });
        const ac = new AbortController();
        const it = state.watchKind<Widget>(NS, TYPE, { signal: ac.signal })[Symbol.asyncIterator]();
        const r = await state.update(w('a'), 1, { size: 10 });
        await state.teardown(w('b'));
        await state.destroy(w('b'));
        await state.create(w('c'), { size: 3 });
        await state.create(pointer(NS, 'Other.test.talos.dev', 'x'), { size: 0 });

        const events = await take(it, 7);
        expect(events.map(summary)).toEqual([
          'created a 1',
          'created b 1',
          'bootstrapped',
          'updated a 2',
          'updated b 2',
          'destroyed b 2',
          'created c 1',
        ]);
        const upd = events[3] as Extract<WatchEvent<Widget>, { type: 'updated' }>;
        expect(upd.resource.spec).toEqual(r.spec);
        expect(upd.old.spec).toEqual({ size: 1 });
        ac.abort();
        expect(await it.next()).toEqual({ done: true, value: undefined });
      });

      it('sends bootstrapped at once for an empty kind', async () => {
        const ac = new AbortController();
        const it = state.watchKind(NS, TYPE, { signal: ac.signal })[Symbol.asyncIterator]();
        expect((await it.next()).value).toEqual({ type: 'bootstrapped' });
        ac.abort();
      });

      it('ends a pending read cleanly on abort', async () => {
        const ac = new AbortController();
        const seen: string[] = [];
        const done = (async () => {
          for await (const ev of state.watchKind(NS, TYPE, { signal: ac.signal })) seen.push(ev.type);
        })();
        await state.create(w('a'), { size: 1 });
        await until(() => seen.length === 2);
        ac.abort();
        await expect(done).resolves.toBeUndefined();
        expect(seen).toEqual(['bootstrapped', 'created']);
      });

      it('yields nothing for an already aborted signal', async () => {
        await state.create(w('a'), { size: 1 });
        const seen: WatchEvent[] = [];
        for await (const ev of state.watchKind(NS, TYPE, { signal: AbortSignal.abort() })) seen.push(ev);
        expect(seen).toEqual([]);
      });

      it('overruns a watcher that falls behind, with an error and no silent gap', async () => {
        const ac = new AbortController();
        const it = state.watchKind<Widget>(NS, TYPE, { signal: ac.signal })[Symbol.asyncIterator]();
        for (let i = 0; i < 20; i++) await state.create(w(`r${String(i).padStart(2, '0')}`), { size: i });
        const ids: string[] = [];
        let error: unknown;
        try {
          for (;;) {
            const next = await it.next();
            if (next.done) break;
            if (next.value.type !== 'bootstrapped') ids.push(next.value.resource.metadata.id);
          }
        } catch (err) {
          error = err;
        }
        expect(ResourceError.is(error, 'overrun')).toBe(true);
        // whatever was delivered before the error is a prefix of the true sequence
        expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => `r${String(i).padStart(2, '0')}`));
        expect(await it.next()).toEqual({ done: true, value: undefined });
        ac.abort();
      });

      it('does not overrun a watcher that keeps up, nor count the initial list against it', async () => {
        for (let i = 0; i < 20; i++) await state.create(w(`i${i}`), { size: i });
        const ac = new AbortController();
        const it = state.watchKind<Widget>(NS, TYPE, { signal: ac.signal })[Symbol.asyncIterator]();
        expect((await take(it, 21)).at(-1)).toEqual({ type: 'bootstrapped' });
        for (let i = 0; i < 40; i++) {
          await state.update(w('i0'), i + 1, { size: -i });
          expect((await it.next()).value).toMatchObject({ type: 'updated' });
        }
        ac.abort();
      });

      it('gives every watcher every event', async () => {
        const ac = new AbortController();
        const its = [1, 2, 3].map(() =>
          state.watchKind(NS, TYPE, { signal: ac.signal })[Symbol.asyncIterator](),
        );
        await state.create(w('a'), { size: 1 });
        for (const it of its)
          expect((await take(it, 2)).map(summary)).toEqual(['bootstrapped', 'created a 1']);
        ac.abort();
      });
    });

    describe('watch one resource', () => {
      it('sends its current state, bootstrapped, then only its own changes', async () => {
        await state.create(w('a'), { size: 1 });
        const ac = new AbortController();
        const it = state.watch(w('a'), { signal: ac.signal })[Symbol.asyncIterator]();
        await state.create(w('b'), { size: 2 });
        await state.update(w('a'), 1, { size: 3 });
        await state.destroy(w('a'));
        await state.create(w('a'), { size: 4 });
        expect((await take(it, 5)).map(summary)).toEqual([
          'created a 1',
          'bootstrapped',
          'updated a 2',
          'destroyed a 2',
          'created a 1',
        ]);
        ac.abort();
        expect((await it.next()).done).toBe(true);
      });

      it('sends only bootstrapped for a resource that does not exist yet', async () => {
        const ac = new AbortController();
        const it = state.watch(w('later'), { signal: ac.signal })[Symbol.asyncIterator]();
        expect((await it.next()).value).toEqual({ type: 'bootstrapped' });
        await state.create(w('later'), { size: 1 });
        expect(summary((await it.next()).value as WatchEvent)).toBe('created later 1');
        ac.abort();
      });

      it('ends when the consumer breaks out of the loop', async () => {
        await state.create(w('a'), { size: 1 });
        for await (const ev of state.watch(w('a'))) {
          if (ev.type === 'bootstrapped') break;
        }
        // a watcher left behind would be overrun, not block; writes keep working
        for (let i = 1; i <= 20; i++) await state.update(w('a'), i, { size: i });
      });
    });
  });
}

async function expectCode(p: Promise<unknown>, code: ResourceErrorCode): Promise<void> {
  let error: unknown;
  try {
    await p;
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ResourceError);
  expect((error as ResourceError).code).toBe(code);
}

async function take<T>(it: AsyncIterator<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  while (out.length < n) {
    const next = await it.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

function summary(ev: WatchEvent): string {
  if (ev.type === 'bootstrapped') return ev.type;
  const r: Resource = ev.resource;
  return `${ev.type} ${r.metadata.id} ${r.metadata.version}`;
}

async function until(cond: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 1));
  }
}
