import fontkit from '@pdf-lib/fontkit';

/**
 * @pdf-lib/fontkit adapted to @cantoo/pdf-lib 2.x subsetting: pdf-lib 2.x calls `subset.encode()` when it
 * exists (the upstream fontkit 2 API), but this fontkit's `encode(stream)` needs a stream and crashes, so
 * the subset is shown without `encode` and pdf-lib uses `encodeStream()`. (This fontkit's short-`loca`
 * bug needs odd-length glyph records; DejaVu Sans has none, which the test checks.)
 */
type Fontkit = typeof fontkit;
type FontkitFont = ReturnType<Fontkit['create']>;

function withoutEncode<T extends object>(subset: T): T {
  return new Proxy(subset, {
    get(target, prop) {
      if (prop === 'encode') return undefined;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
    has: (target, prop) => prop !== 'encode' && Reflect.has(target, prop),
  });
}

export const subsetFontkit: Fontkit = {
  ...fontkit,
  create(data: Uint8Array, postscriptName?: string): FontkitFont {
    const font = fontkit.create(data, postscriptName);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      return withoutEncode(subset);
    };
    return font;
  },
};
