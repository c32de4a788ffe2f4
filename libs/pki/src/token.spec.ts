import fc from 'fast-check';
import { generateToken, TOKEN_PATTERN, tokensEqual } from './token';

describe('tokens', () => {
  it('match the Talos format and differ each time', () => {
    const tokens = new Set(Array.from({ length: 200 }, generateToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(TOKEN_PATTERN);
  });

  it('compare equal only when identical', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(tokensEqual(a, b)).toBe(a === b);
        expect(tokensEqual(a, a)).toBe(true);
      }),
    );
  });
});
