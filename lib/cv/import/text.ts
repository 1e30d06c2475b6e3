import type { SourceDoc, SourceLine } from '../parse/source';
import { textLine } from '../parse/source';
import { splitBullet } from '../parse/text';

/**
 * Plain text → lines. Blank lines are kept as a flag on the next line (they separate entries);
 * indentation becomes `x` (continuation lines are indented); a line underlined with `===` or `---`
 * is a heading.
 */
export function readText(text: string): SourceDoc {
  const raw = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const lines: SourceLine[] = [];
  let blank = false;
  for (let i = 0; i < raw.length; i++) {
    const source = raw[i]!.replace(/\u00a0/g, ' ');
    if (!source.trim() || /^\s*[-=_*~]{3,}\s*$/.test(source)) {
      blank = true;
      continue;
    }
    const underline = raw[i + 1] !== undefined && /^\s*(?:={3,}|-{3,})\s*$/.test(raw[i + 1]!) && source.trim().length < 60;
    const indent = /^[ \t]*/.exec(source)![0].replace(/\t/g, '    ').length;
    const { bullet, text: body } = splitBullet(source);
    lines.push(
      textLine(body.trimEnd(), i + 1, {
        x: indent,
        ...(bullet ? { bullet } : {}),
        ...(blank ? { blankBefore: true } : {}),
        ...(underline ? { heading: 2 } : {}),
      }),
    );
    blank = false;
  }
  return { format: 'text', lines };
}
