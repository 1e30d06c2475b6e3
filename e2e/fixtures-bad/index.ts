import { DB_VERSION, tableNames } from '../../lib/db/schema';
import { oneColumnCv } from '../../lib/cv/fixtures/pdf-cvs';
import { writePdf } from '../../lib/cv/fixtures/pdf-writer';
import { writeZip } from '../../lib/cv/fixtures/zip-writer';
import { serializeBackup, type BackupFile, type BackupRows, type TableName } from '../../lib/tracker/backup-file';
import type { ErrorCode } from '../../lib/util/errors';

/**
 * Hand-made broken inputs, generated here so each file's bytes sit next to the error code it must get.
 * `cv` files go through the CV view's import, `backup` files through the tracker's backup import; every
 * one is refused with its own code and changes nothing already saved.
 */
export interface BadFile {
  target: 'cv' | 'backup';
  name: string;
  mimeType: string;
  bytes: Uint8Array;
  code: ErrorCode;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Deterministic noise (no NULs needed: high bytes and controls are not text). */
function garbage(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const contentTypes =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

/** A backup file as Export writes it (the product's own serialiser), with rows per table, at any version. */
export function backup(rows: Partial<Record<TableName, unknown[]>>, version = DB_VERSION): string {
  const all = Object.fromEntries(tableNames.map((name) => [name, rows[name] ?? []])) as BackupRows;
  const schemas = Object.fromEntries(tableNames.map((name) => [name, ''])) as Record<TableName, string>;
  const file = JSON.parse(serializeBackup('jobfit', schemas, all)) as BackupFile;
  file.data.databaseVersion = version;
  return JSON.stringify(file);
}

export const job = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  url: `https://jobs.example.com/${id}`,
  title: `Job ${id}`,
  company: 'Initech',
  status: 'saved',
  tags: [],
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  history: [{ at: 1_700_000_000_000, to: 'saved' }],
  ...fields,
});

export function badFiles(): BadFile[] {
  const pdf = writePdf(oneColumnCv());
  // Valid head and tail, the objects in between overwritten: pdf.js finds no readable page tree.
  const scrambled = pdf.slice();
  scrambled.set(garbage(pdf.length - 400, 3).map((b) => (b === 0x25 ? 0x26 : b)), 200);
  const cv = (name: string, bytes: Uint8Array, code: ErrorCode, mimeType = 'application/octet-stream'): BadFile => ({ target: 'cv', name, mimeType, bytes, code });
  const bak = (name: string, text: string | Uint8Array, code: ErrorCode): BadFile => ({
    target: 'backup',
    name,
    mimeType: 'application/json',
    bytes: typeof text === 'string' ? utf8(text) : text,
    code,
  });
  const manyJobs = Array.from({ length: 100_000 }, (_, i) => ({ id: `j${i}` }));
  const validBackup = backup({ jobs: [job('a'), job('b')] });

  return [
    // PDF
    cv('empty.pdf', new Uint8Array(0), 'cv_empty', 'application/pdf'),
    cv('truncated.pdf', pdf.slice(0, Math.floor(pdf.length / 2)), 'cv_corrupt', 'application/pdf'),
    cv('encrypted.pdf', writePdf(oneColumnCv(), { encrypted: true }), 'cv_encrypted', 'application/pdf'),
    cv('scanned.pdf', writePdf([{ image: true }, { image: true }]), 'cv_image_only', 'application/pdf'),
    cv('scrambled.pdf', scrambled, 'cv_corrupt', 'application/pdf'),
    cv('header-only.pdf', utf8('%PDF-1.7\n%%EOF\n'), 'cv_corrupt', 'application/pdf'),
    cv('photo.pdf', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...garbage(2000)]), 'cv_unsupported_type', 'application/pdf'),
    // DOCX
    cv('renamed-zip.docx', writeZip([{ name: 'notes.txt', data: 'not a Word document' }]), 'cv_unsupported_type', DOCX),
    cv('corrupted.docx', writeZip([{ name: 'word/document.xml', data: '<w:document/>' }]).slice(0, 40), 'cv_corrupt', DOCX),
    cv('garbled-xml.docx', writeZip([{ name: '[Content_Types].xml', data: contentTypes }, { name: 'word/document.xml', data: garbage(3000, 11) }]), 'cv_corrupt', DOCX),
    cv(
      'empty-body.docx',
      writeZip([
        { name: '[Content_Types].xml', data: contentTypes },
        { name: 'word/document.xml', data: '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>' },
      ]),
      'cv_empty',
      DOCX,
    ),
    cv('legacy.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...garbage(4000)]), 'cv_unsupported_type', 'application/msword'),
    // Markdown and text
    cv('garbage.md', garbage(5000), 'cv_unsupported_type', 'text/markdown'),
    cv('nul-bytes.md', utf8('# Jane Doe\n\0\0\0\0 Experience\0'), 'cv_unsupported_type', 'text/markdown'),
    cv('blank.md', utf8('\uFEFF   \n\n\t\n'), 'cv_empty', 'text/markdown'),
    // LaTeX
    cv('no-content.tex', utf8('\\documentclass{article}\n\\usepackage{hyperref}\n\\begin{document}\n% nothing yet\n\\end{document}\n'), 'cv_empty', 'text/x-tex'),
    // JSON Resume
    cv('cut.resume.json', utf8('{"basics": {"name": "Jane Doe", "email": "jane@exa'), 'cv_corrupt', 'application/json'),
    cv('wrong-types.resume.json', utf8(JSON.stringify({ basics: { name: 42, email: ['x'] }, work: [{ name: 7, startDate: 2020 }] })), 'cv_corrupt', 'application/json'),
    cv('proto.resume.json', utf8('{"basics": {"name": "Jane Doe", "__proto__": {"polluted": true}}, "work": []}'), 'cv_unsafe', 'application/json'),
    cv('not-a-resume.json', utf8(JSON.stringify({ hello: 'world' })), 'cv_unsupported_type', 'application/json'),
    cv('array.json', utf8('[{"basics": {"name": "Jane Doe"}}]'), 'cv_unsupported_type', 'application/json'),
    // Backups
    bak('empty-backup.json', '', 'import_unreadable'),
    bak('truncated-backup.json', validBackup.slice(0, Math.floor(validBackup.length * 0.6)), 'import_unreadable'),
    bak('binary-backup.json', garbage(3000, 5), 'import_unreadable'),
    bak('not-a-backup.json', JSON.stringify({ basics: { name: 'Jane Doe' } }), 'import_not_backup'),
    bak('newer-backup.json', backup({ jobs: [job('a')] }, DB_VERSION + 5), 'import_newer'),
    bak('huge-backup.json', backup({ jobs: manyJobs }), 'import_too_large'),
    bak('duplicate-ids.json', backup({ jobs: [job('a'), job('a', { title: 'Other' })] }), 'import_duplicate_ids'),
    bak('proto-backup.json', backup({ jobs: [job('a')] }).replace('"title":', '"__proto__":{"isAdmin":true},"title":'), 'import_unsafe'),
    bak('wrong-types-backup.json', backup({ jobs: [job('a', { status: 'hired-twice', tags: 'x' })] }), 'import_invalid'),
    bak('unknown-table.json', validBackup.replace('"tableName":"jobs"', '"tableName":"passwords"'), 'import_invalid'),
  ];
}
