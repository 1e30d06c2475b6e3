import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { validate } from '@jsonresume/schema';
import { describe, expect, it } from 'vitest';
import { importCvText } from './import/index';
import { readJsonResume } from './import/json-resume';
import { cvSchema, emptyCv, toJsonResume } from './model';

const fixtures = join(import.meta.dirname, 'fixtures');
const schemaDir = dirname(createRequire(import.meta.url).resolve('@jsonresume/schema/sample.resume.json'));

function schemaErrors(resume: unknown): string[] {
  let out: string[] = [];
  validate(resume, (errors) => {
    out = (errors ?? []).map((e) => `${e.property}: ${e.message}`);
  });
  return out;
}

describe('toJsonResume', () => {
  it.each(['jane-public.txt', 'lucas-martin.fr.txt', 'maria-garcia.es.md', 'anna-schmidt.de.md'])(
    'a parsed CV (%s) validates against @jsonresume/schema',
    (file) => {
      const cv = importCvText(readFileSync(join(fixtures, file), 'utf8'), { fileName: file });
      expect(cvSchema.safeParse(cv).success).toBe(true);
      const resume = toJsonResume(cv);
      expect(schemaErrors(resume)).toEqual([]);
      expect(JSON.stringify(resume)).not.toMatch(/sourceLineIds|"kind"/);
    },
  );

  it('an empty CV gives an empty, valid resume', () => {
    const resume = toJsonResume(emptyCv({ format: 'text', lines: [] }));
    expect(resume).toEqual({});
    expect(schemaErrors(resume)).toEqual([]);
  });

  it.each([
    'sample.resume.json',
    'examples/career-changer.resume.json',
    'examples/new-grad.resume.json',
    'examples/senior-engineer.resume.json',
  ])('JSON Resume import → export is identical (%s)', (file) => {
    const text = readFileSync(join(schemaDir, file), 'utf8');
    const cv = readJsonResume(text, file);
    expect(toJsonResume(cv)).toEqual(JSON.parse(text));
    // Every entry cites the JSON lines it came from.
    expect(cv.work.every((w) => (w.sourceLineIds?.length ?? 0) > 0)).toBe(true);
    const ids = new Set(cv.source.lines.map((l) => l.id));
    expect(cv.work.flatMap((w) => w.sourceLineIds ?? []).every((id) => ids.has(id))).toBe(true);
  });
});
