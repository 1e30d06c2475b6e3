import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { loadFontsInNode } from './fonts-node';
import { subsetFontkit } from './subset-fontkit';

interface Stream {
  on(event: 'data', fn: (chunk: Uint8Array) => void): void;
  on(event: 'end', fn: () => void): void;
}

function collect(stream: Stream): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  return new Promise((resolve) => {
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

describe('subset font for PDF export', () => {
  it.each(['regular', 'bold'] as const)('%s: every glyph record has an even length (so the short loca of a subset is exact)', async (style) => {
    const font = fontkit.create((await loadFontsInNode())[style]) as unknown as { loca: { offsets: number[] } };
    const offsets = font.loca.offsets;
    const odd = offsets.slice(1).filter((end, i) => (end - offsets[i]!) % 2 === 1);
    expect(odd).toEqual([]);
  });

  it('hides encode() so pdf-lib streams the subset, and keeps every glyph outline intact', async () => {
    const { regular } = await loadFontsInNode();
    const font = subsetFontkit.create(regular);
    const subset = font.createSubset();
    expect('encode' in subset).toBe(false);
    const text = 'Riley Stone — Développeuse, Ñandú, Łódź, “quotes” • 2021–2024 @ example.com';
    const glyphs = font.layout(text).glyphs;
    const ids = glyphs.map((g) => subset.includeGlyph(g));
    const bytes = await collect((subset as unknown as { encodeStream(): Stream }).encodeStream());
    const reread = fontkit.create(bytes);
    glyphs.forEach((g, i) => {
      expect(reread.getGlyph(ids[i]!).path.toSVG(), `glyph for ${String.fromCodePoint(...g.codePoints)}`).toBe(g.path.toSVG());
    });
  });
});
