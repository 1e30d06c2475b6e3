/**
 * npm run -s keywords < texts.jsonl
 *
 * Reads JSON lines `{"id", "text"}` on stdin and prints, for each, one line
 * `{"id", "skills": [{"start", "end", "text", "canonical", "kind"}]}` (offsets are UTF-16 code units
 * into `text`, as JavaScript's String#slice takes them). A line that is not such an object is reported on
 * stderr with its number, and the exit code is 1; the other lines are still processed.
 */
import { createInterface } from 'node:readline';
import { getSkillExtractor } from '../lib/match/extract-skills';

const extractor = await getSkillExtractor();
let failed = 0;
let lineNo = 0;
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  lineNo++;
  if (!line.trim()) continue;
  let input: { id?: unknown; text?: unknown };
  try {
    input = JSON.parse(line) as typeof input;
  } catch {
    input = {};
  }
  if (typeof input !== 'object' || input === null || typeof input.text !== 'string' || !('id' in input)) {
    console.error(`line ${lineNo}: expected {"id": …, "text": "…"}`);
    failed++;
    continue;
  }
  const skills = extractor
    .extract(input.text)
    .map(({ start, end, text, canonical, kind }) => ({ start, end, text, canonical, kind }));
  process.stdout.write(`${JSON.stringify({ id: input.id, skills })}\n`);
}
if (failed) process.exitCode = 1;
