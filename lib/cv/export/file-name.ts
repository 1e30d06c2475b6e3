import { stripAccents } from '../../util/fold';
import type { Cv } from '../model';

export type ExportFormat = 'pdf' | 'docx' | 'md' | 'json' | 'txt';

/** Letters without accents, ligatures expanded, anything else a separator: `Müller-Lüdenscheidt` → `Muller-Ludenscheidt`. */
function asciiPart(value: string | undefined): string {
  return stripAccents(value ?? '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, (c) => (c === 'æ' ? 'ae' : 'AE'))
    .replace(/[øØ]/g, (c) => (c === 'ø' ? 'o' : 'O'))
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'))
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * `First-Last-Company-Role.pdf`: ASCII only, no spaces or path characters, at most 120 characters;
 * parts that are missing are left out (`CV.pdf` when nothing is known).
 */
export function exportFileName(cv: Cv, format: ExportFormat, target: { company?: string; role?: string } = {}): string {
  const words = (cv.basics.name ?? '').trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  const last = words.length > 1 ? words.at(-1) : undefined;
  const base = [first, last, target.company, target.role].map(asciiPart).filter(Boolean).join('-').slice(0, 120).replace(/-+$/, '');
  return `${base || 'CV'}.${format}`;
}
