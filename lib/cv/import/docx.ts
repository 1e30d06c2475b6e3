import mammoth from 'mammoth';
import { AppError } from '../../util/errors';
import type { SourceDoc } from '../parse/source';
import { htmlToLines } from './html';

/**
 * DOCX → lines through mammoth's HTML: headings keep their level (Word's Title style is the name),
 * list items are bullets, a table row is one line whose cells are segments, tabs separate segments
 * ("Engineer<tab>2019 – 2021"), and a paragraph that is bold throughout is marked bold.
 */
export async function readDocx(data: Uint8Array): Promise<SourceDoc> {
  let html: string;
  // mammoth's browser build reads `arrayBuffer`, its Node build `buffer`; both take an ArrayBuffer.
  const bytes = data.slice().buffer;
  const input = { arrayBuffer: bytes, buffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
  try {
    const result = await mammoth.convertToHtml(
      input,
      { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"], ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch {
    throw new AppError('cv_corrupt', 'docx');
  }
  const lines = htmlToLines(html);
  if (lines.length === 0) throw new AppError('cv_empty');
  return { format: 'docx', lines };
}
