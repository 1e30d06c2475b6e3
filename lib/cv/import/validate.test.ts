import { describe, expect, it } from 'vitest';
import { AppError } from '../../util/errors';
import { writeZip } from '../fixtures/zip-writer';
import { detectTextFormat, MAX_CV_BYTES, validateCvFile } from './validate';

const bytes = (s: string) => new TextEncoder().encode(s);
const minimalPdf = bytes('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

function codeOf(data: Uint8Array): string {
  try {
    validateCvFile(data);
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('validateCvFile', () => {
  it.each<[string, Uint8Array, string]>([
    ['an empty file', new Uint8Array(0), 'cv_empty'],
    ['a file of blanks and a BOM', bytes('\uFEFF  \n\t\n'), 'cv_empty'],
    ['a file over 10 MB', new Uint8Array(MAX_CV_BYTES + 1).fill(0x41), 'cv_too_large'],
    ['a renamed .exe', new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0xff, 0xff]), 'cv_unsupported_type'],
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'cv_unsupported_type'],
    ['an old .doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'cv_unsupported_type'],
    ['an RTF file', bytes('{\\rtf1\\ansi Jane Doe}'), 'cv_unsupported_type'],
    ['a truncated PDF (no %%EOF)', minimalPdf.subarray(0, 40), 'cv_corrupt'],
    ['a PDF', minimalPdf, 'ok'],
    ['a zip that is not a DOCX', writeZip([{ name: 'content.xml', data: '<x/>' }]), 'cv_unsupported_type'],
    ['a zip cut in half', writeZip([{ name: 'word/document.xml', data: '<w:document/>' }]).subarray(0, 40), 'cv_corrupt'],
    [
      'a DOCX zip bomb',
      writeZip([{ name: 'word/document.xml', data: 'x'.repeat(1000), claimSize: 900 * 1024 * 1024 }]),
      'cv_too_large',
    ],
    ['a DOCX', writeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }]), 'ok'],
    ['UTF-8 text', bytes('Jane Doe\nEngineer — São Paulo'), 'ok'],
    ['Windows-1252 text', new Uint8Array([0x4a, 0x6f, 0x73, 0xe9, 0x0a, 0x43, 0x56]), 'ok'],
  ].map(([label, data, expected]) => [`${label} → ${expected}`, data, expected] as [string, Uint8Array, string]))('%s', (_label, data, expected) => {
    expect(codeOf(data)).toBe(expected);
  });
});

describe('detectTextFormat', () => {
  it.each([
    ['{"basics":{"name":"A"}}', '', 'json-resume'],
    ['\\documentclass{moderncv}\n\\begin{document}', '', 'latex'],
    ['\\section{Experience}', 'cv.txt', 'latex'],
    ['# Jane\n\n## Experience\n- x', '', 'markdown'],
    ['Jane Doe\nEXPERIENCE\nEngineer at X', '', 'text'],
    ['Jane Doe', 'cv.md', 'markdown'],
    ['{ not json', '', 'text'],
    // Broken JSON is still JSON: refused by the JSON Resume reader, never imported as a text CV.
    ['{"basics": {"name": "Jane', '', 'json-resume'],
    ['[{"basics": {}}]', 'cv.json', 'json-resume'],
    ['Jane Doe\nEngineer', 'tailored.json', 'text'],
  ])('%j → %s', (text, name, expected) => {
    expect(detectTextFormat(text, name)).toBe(expected);
  });
});
