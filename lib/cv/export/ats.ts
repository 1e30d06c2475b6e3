import type { Cv } from '../model';
import { importCv, type ImportCvOptions } from '../import/index';
import { fold } from '../parse/text';
import { exportPdf, type PdfExportOptions } from './pdf';

/**
 * "What an ATS will read": export the CV as PDF, read it back with our own importer, and list every
 * field that did not come back the same. An empty list means the PDF carries the CV faithfully.
 */
export interface AtsDifference {
  /** `basics.email`, `work[0].name`, `education[1].institution`, … */
  field: string;
  expected: string;
  /** What the re-imported PDF gave; empty when it lost the value. */
  actual: string;
}

export interface AtsReport {
  differences: AtsDifference[];
  /** The CV as parsed back from the PDF. */
  parsed: Cv;
  pdf: Uint8Array;
}

const same = (a: string | undefined, b: string | undefined) =>
  fold(a ?? '').replace(/[^\p{L}\p{N}@+]+/gu, ' ').trim() === fold(b ?? '').replace(/[^\p{L}\p{N}@+]+/gu, ' ').trim();
const digits = (v: string | undefined) => (v ?? '').replace(/\D/g, '');

export function compareCvs(expected: Cv, actual: Cv): AtsDifference[] {
  const out: AtsDifference[] = [];
  const check = (field: string, e: string | undefined, a: string | undefined, equal = same) => {
    if (e && !equal(e, a)) out.push({ field, expected: e, actual: a ?? '' });
  };
  const b = expected.basics;
  check('basics.name', b.name, actual.basics.name);
  check('basics.email', b.email, actual.basics.email);
  check('basics.phone', b.phone, actual.basics.phone, (x, y) => digits(x) === digits(y));
  // Entries are matched by position: the export keeps their order.
  expected.work.forEach((w, i) => {
    const a = actual.work[i];
    check(`work[${i}].name`, w.name, a?.name);
    check(`work[${i}].position`, w.position, a?.position);
    check(`work[${i}].startDate`, w.startDate, a?.startDate);
    check(`work[${i}].endDate`, w.endDate, a?.endDate);
  });
  expected.education.forEach((e, i) => {
    const a = actual.education[i];
    check(`education[${i}].institution`, e.institution, a?.institution);
    check(`education[${i}].startDate`, e.startDate, a?.startDate);
    check(`education[${i}].endDate`, e.endDate, a?.endDate);
  });
  const actualSkills = fold(actual.skills.flatMap((s) => [s.name ?? '', ...(s.keywords ?? [])]).join(' '));
  expected.skills.forEach((s, i) => {
    for (const k of s.keywords ?? []) if (!actualSkills.includes(fold(k))) out.push({ field: `skills[${i}].keywords`, expected: k, actual: '' });
  });
  return out;
}

export async function atsReport(cv: Cv, options: PdfExportOptions & { readPdf: NonNullable<ImportCvOptions['readPdf']> }): Promise<AtsReport> {
  const pdf = await exportPdf(cv, options);
  const parsed = await importCv(pdf, { fileName: 'export.pdf', readPdf: options.readPdf });
  return { differences: compareCvs(cv, parsed), parsed, pdf };
}
