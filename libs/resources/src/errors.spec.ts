import { ResourceError } from './errors';

describe('ResourceError.from', () => {
  it('keeps a ResourceError, and makes anything else internal', () => {
    const e = new ResourceError('conflict', 'x');
    expect(ResourceError.from(e)).toBe(e);
    expect(ResourceError.from(new Error('boom'))).toMatchObject({ code: 'internal', message: 'boom' });
    expect(ResourceError.from('text')).toMatchObject({ code: 'internal', message: 'text' });
    expect(ResourceError.is(e, 'conflict')).toBe(true);
    expect(ResourceError.is(new Error('conflict'), 'conflict')).toBe(false);
  });
});
