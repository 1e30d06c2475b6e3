import { AppError } from '../../util/errors';

/**
 * First look at a CV file, before any parser runs: size, type by magic bytes (never by extension), and
 * the failures we can name without parsing. Parsers then only see files they can read.
 */

export const MAX_CV_BYTES = 10 * 1024 * 1024;
/** Uncompressed size a DOCX may claim; more is a zip bomb or not a CV. */
export const MAX_DOCX_UNCOMPRESSED = 50 * 1024 * 1024;
/** Compression ratio above which a DOCX part is a zip bomb (text XML compresses ~10–20×). */
const MAX_ZIP_RATIO = 200;

export type CvFileKind = 'pdf' | 'docx' | 'text';
export type TextFormat = 'json-resume' | 'latex' | 'markdown' | 'text';

function startsWith(data: Uint8Array, bytes: number[], offset = 0): boolean {
  return bytes.every((b, i) => data[offset + i] === b);
}

function ascii(data: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = Math.max(0, start); i < Math.min(end, data.length); i++) s += String.fromCharCode(data[i]!);
  return s;
}

/** Check a CV file and say what it is. Throws AppError (`cv_*`) for anything we cannot read. */
export function validateCvFile(data: Uint8Array): CvFileKind {
  if (data.length > MAX_CV_BYTES) throw new AppError('cv_too_large', `${Math.ceil(data.length / 1024 / 1024)} MB`);
  if (data.length === 0 || isBlank(data)) throw new AppError('cv_empty');

  // PDF: "%PDF-" within the first KB (some writers put junk before it), and an end-of-file marker.
  const head = ascii(data, 0, 1024);
  if (head.includes('%PDF-')) {
    if (!ascii(data, data.length - 2048, data.length).includes('%%EOF')) throw new AppError('cv_corrupt', 'truncated');
    return 'pdf';
  }
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06])) {
    checkDocx(data);
    return 'docx';
  }
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) throw new AppError('cv_unsupported_type', 'doc');
  if (startsWith(data, [0x7b, 0x5c, 0x72, 0x74, 0x66])) throw new AppError('cv_unsupported_type', 'rtf');
  if (!looksLikeText(data)) throw new AppError('cv_unsupported_type', binaryKind(data));
  return 'text';
}

function isBlank(data: Uint8Array): boolean {
  for (const b of data) if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf) return false;
  return true;
}

/** Names a few binary types for the error detail (never shown raw to the user). */
function binaryKind(data: Uint8Array): string {
  if (startsWith(data, [0x4d, 0x5a])) return 'exe';
  if (startsWith(data, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(data, [0x1f, 0x8b])) return 'gzip';
  return 'binary';
}

/** UTF-8 (or UTF-16 with a BOM) without control characters other than whitespace. */
function looksLikeText(data: Uint8Array): boolean {
  const text = decodeText(data);
  if (text === undefined) return false;
  const sample = text.slice(0, 64 * 1024);
  let control = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) control++;
  }
  return control <= sample.length * 0.001;
}

/** Decode a text file: UTF-8 (with or without BOM), UTF-16 with a BOM; else Windows-1252 if it has no NULs. */
export function decodeText(data: Uint8Array): string | undefined {
  if (startsWith(data, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (startsWith(data, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(data.subarray(2));
  if (data.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return new TextDecoder('windows-1252').decode(data);
  }
}

/** One entry of a zip's central directory. */
export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressed: number;
  /** Uncompressed size as the archive claims it (a zip bomb may lie). */
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/** The central directory of a zip; throws `cv_corrupt` when it cannot be read. */
export function zipEntries(data: Uint8Array): ZipEntryInfo[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AppError('cv_corrupt', 'zip');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const entries: ZipEntryInfo[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== 0x02014b50) throw new AppError('cv_corrupt', 'zip');
    const nameLength = view.getUint16(p + 28, true);
    entries.push({
      name: new TextDecoder().decode(data.subarray(p + 46, p + 46 + nameLength)),
      method: view.getUint16(p + 10, true),
      compressed: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

/**
 * A DOCX is a zip whose central directory lists `word/document.xml`. Sizes come from the central
 * directory, so a zip bomb is refused before anything is inflated (one that lies about its sizes is
 * caught while inflating: lib/cv/import/docx.ts).
 */
function checkDocx(data: Uint8Array): void {
  let total = 0;
  let hasDocument = false;
  for (const entry of zipEntries(data)) {
    if (entry.name === 'word/document.xml') hasDocument = true;
    total += entry.size;
    if (entry.size > 1024 * 1024 && entry.size > entry.compressed * MAX_ZIP_RATIO) throw new AppError('cv_too_large', 'zip ratio');
  }
  if (total > MAX_DOCX_UNCOMPRESSED) throw new AppError('cv_too_large', 'uncompressed');
  if (!hasDocument) throw new AppError('cv_unsupported_type', 'zip');
}

/** Which text format a text file is, by content (the file name only breaks ties). */
export function detectTextFormat(text: string, fileName = ''): TextFormat {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  const lower = fileName.toLowerCase();
  // A `.json` file, or text that opens like a JSON object, is read as JSON Resume even when it does not
  // parse: a cut or malformed file must be refused as such, not imported as a plain-text CV.
  if ((/^[{[]/.test(t) && lower.endsWith('.json')) || /^\{\s*"/.test(t)) return 'json-resume';
  if (t.startsWith('{')) {
    try {
      const json = JSON.parse(t) as unknown;
      if (json && typeof json === 'object' && !Array.isArray(json)) return 'json-resume';
    } catch {
      // Not JSON after all: fall through to the other text formats.
    }
  }
  if (/\\documentclass|\\begin\{document\}|\\(?:section|cventry|cvsection|resumeSubheading)\b/.test(t)) return 'latex';
  if (/\.(?:tex|latex)$/.test(lower)) return 'latex';
  // List markers alone do not make Markdown (plain-text CVs use "- " too); emphasis, links and tables do.
  const markdownSignals = (t.match(/\*\*[^*\n]+\*\*|__[^_\n]+__|\[[^\]\n]+\]\([^)\n]+\)|^\|.+\|$/gm) ?? []).length;
  if (/\.(?:md|markdown|mdown)$/.test(lower) || /^#{1,6}\s/m.test(t) || markdownSignals >= 2) return 'markdown';
  if (/^\s*<(?:!doctype html|html|body|div|p)\b/i.test(t)) return 'markdown';
  return 'text';
}
