import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { writePdf } from '../cv/fixtures/pdf-writer';
import { readPdfInNode } from '../cv/import/pdf-node';
import { AppError } from '../util/errors';
import { MAX_POSTING_FILE, postingFileKind, readPostingFile } from './file';

const encode = (text: string) => new TextEncoder().encode(text);
const readers = {
  parseHtml: (html: string) => new JSDOM(html, { url: 'http://127.0.0.1:4173/saved.html', virtualConsole: new VirtualConsole() }).window.document,
  readPdf: (data: Uint8Array) => readPdfInNode(data),
};

const posting = `<!doctype html><html lang="en"><head><title>Data Analyst</title></head><body><main><h1>Data Analyst</h1>
<p>Northwind Traders is hiring. Responsibilities: reports. Requirements: SQL. Full-time. ${'We value clear writing. '.repeat(20)}</p></main></body></html>`;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

describe('postingFileKind', () => {
  it.each([
    ['%PDF-1.7\n…', 'renamed.txt', 'pdf'],
    ['<!DOCTYPE html><html>', 'page.txt', 'html'],
    ['\uFEFF<html><body>', 'x', 'html'],
    ['<html>', 'saved.htm', 'html'],
    ['<div>no doctype</div>', 'saved.html', 'html'],
    ['Senior Engineer\nAcme', 'posting.txt', 'text'],
    ['Senior Engineer\nAcme', 'posting', 'text'],
    ['Senior Engineer', 'posting.md', 'text'],
    ['{"a":1}', 'posting.json', undefined],
    ['PK\u0003\u0004\u0014\u0000', 'posting.txt', undefined],
  ])('%j named %s → %s', (content, name, kind) => {
    expect(postingFileKind(encode(content), name)).toBe(kind);
  });
});

describe('readPostingFile', () => {
  it('reads a saved HTML page with the page pipeline, never running its scripts', async () => {
    const hostile = posting.replace('</main>', '<script>globalThis.ran = true</script><img src=x onerror="globalThis.ran = true"></main>');
    const result = await readPostingFile(encode(hostile), 'saved.html', readers);
    expect(result).toMatchObject({ ok: true, posting: { title: 'Data Analyst', source: 'readability' } });
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
    expect(result.ok && result.posting.description).not.toMatch(/<script|onerror/);
  });

  it('reads the text layer of a PDF through the text path', async () => {
    const pdf = writePdf([
      {
        runs: [
          { text: 'Site Reliability Engineer', x: 50, top: 60, size: 18, font: 'bold' },
          { text: 'Globex · Madrid, Spain', x: 50, top: 84 },
          { text: 'We are looking for an engineer. Requirements: Kubernetes. Full-time.', x: 50, top: 110 },
        ],
      },
    ]);
    expect(await readPostingFile(pdf, 'posting.pdf', readers)).toMatchObject({
      ok: true,
      posting: { title: 'Site Reliability Engineer', company: 'Globex', location: 'Madrid, Spain', source: 'text' },
    });
  });

  it('says what is wrong with files it cannot read, and reads nothing from them', async () => {
    expect(await codeOf(readPostingFile(new Uint8Array(MAX_POSTING_FILE + 1), 'big.html', readers))).toBe('posting_file_too_large');
    expect(await codeOf(readPostingFile(encode('PK\u0003\u0004'), 'posting.docx', readers))).toBe('posting_file_type');
    expect(await codeOf(readPostingFile(writePdf([{ image: true }]), 'scan.pdf', readers))).toBe('posting_file_no_text');
    const locked = writePdf([{ runs: [{ text: 'Secret', x: 50, top: 60 }] }], { encrypted: true });
    expect(await codeOf(readPostingFile(locked, 'locked.pdf', readers))).toBe('posting_file_unreadable');
    expect(await codeOf(readPostingFile(encode('%PDF-1.4\ngarbage'), 'cut.pdf', readers))).toBe('posting_file_unreadable');
  }, 30_000);

  it('gives capture errors for files that hold no posting', async () => {
    expect(await readPostingFile(encode(' \n\u200B '), 'empty.txt', readers)).toEqual({ ok: false, error: { code: 'empty_page' } });
    const list = '<!doctype html><html><head><title>1,234 Python jobs in Berlin</title></head><body><ul><li>Job one</li></ul></body></html>';
    expect(await readPostingFile(encode(list), 'search.html', readers)).toMatchObject({ ok: false });
  });

  it('reads a 5 MB text file, clipped to the text limit', async () => {
    const big = `Backend Developer\nInitech · Austin, TX\n\nRequirements: Go. Full-time. Apply now.\n${'Lorem ipsum dolor sit amet. '.repeat(180_000)}`;
    const result = await readPostingFile(encode(big), 'big.txt', readers);
    expect(result).toMatchObject({ ok: true, posting: { title: 'Backend Developer', company: 'Initech' } });
    expect(result.ok && result.posting.description!.length).toBeLessThanOrEqual(200_000);
  }, 30_000);
});
