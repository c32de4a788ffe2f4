import { runStateConformance } from './conformance';
import { InMemoryState } from './in-memory-state';
import { pointer } from './resource';

runStateConformance('InMemoryState', (opts) => new InMemoryState(opts));

describe('InMemoryState', () => {
  it('stamps created and updated from its clock', async () => {
    let t = Date.parse('2026-01-01T00:00:00Z');
    const state = new InMemoryState({ now: () => new Date(t) });
    const p = pointer('ns', 'T', 'a');
    await state.create(p, {});
    t += 1000;
    const r = await state.update(p, 1, { x: 1 });
    expect(r.metadata.created).toBe('2026-01-01T00:00:00.000Z');
    expect(r.metadata.updated).toBe('2026-01-01T00:00:01.000Z');
  });
});
