/**
 * The first step of every text comparison in Jobfit: compatibility forms and accents removed
 * (`é` → `e`, `ﬁ` → `fi`, `①` → `1`), case kept. Callers then apply their own rules for punctuation,
 * which differ on purpose (a skill keeps `C++` and `.NET`, a form label drops `*` and `:`).
 */
export function stripAccents(value: string): string {
  return value.normalize('NFKD').replace(MARKS, '');
}

/** Lower case without accents. */
export function foldCase(value: string): string {
  return stripAccents(value).toLowerCase();
}

const MARKS = /\p{M}/gu;
