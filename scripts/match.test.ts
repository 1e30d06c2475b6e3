import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { oneColumnCv } from '../lib/cv/fixtures/pdf-cvs';
import { writePdf } from '../lib/cv/fixtures/pdf-writer';
import type { MatchReport } from '../lib/match/report';
import { main, readJob } from './match';

const root = resolve(import.meta.dirname, '..');
const POSTING_HTML = join(root, 'e2e/pages/match-posting.html');
const JANE = join(root, 'lib/cv/fixtures/jane-public.txt');
let dir: string;
let out: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'match-cli-'));
  out = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

const printed = () => JSON.parse(out.join('')) as MatchReport & { error?: { code: string; message: string } };
const statusOf = (report: MatchReport, skill: string) => report.requirements.find((r) => r.canonical === skill)?.status;

describe('scripts/match.ts', () => {
  it('reads an HTML job page with the capture code and prints the report for a text CV', async () => {
    expect(await main(['--job', POSTING_HTML, '--cv', JANE])).toBe(0);
    const report = printed();
    expect(report.score).toBeGreaterThan(0);
    expect(report.components.map((c) => c.id)).toEqual(['must', 'nice', 'title', 'seniority', 'education', 'soft', 'ats']);
    expect(statusOf(report, 'Go')).toBe('matched');
    expect(report.requirements.find((r) => r.canonical === 'Go')!.evidence!.text).toBe('Wrote the billing API in Go.');
    expect(report.missingKeywords.map((k) => k.canonical)).toEqual(['Kafka', 'Rust']);
  });

  it('reads a captured JobPosting or a schema.org JobPosting as JSON', async () => {
    const captured = readJob(POSTING_HTML);
    const capturedFile = join(dir, 'captured.json');
    writeFileSync(capturedFile, JSON.stringify(captured));
    expect(readJob(capturedFile)).toEqual(captured);

    const schemaOrg = join(dir, 'schema-org.json');
    writeFileSync(schemaOrg, JSON.stringify({ '@context': 'https://schema.org/', '@type': 'JobPosting', title: 'Data Engineer </script>', description: '<ul><li>Kafka and Spark</li><li>Python</li></ul>' }));
    const posting = readJob(schemaOrg);
    expect(posting).toMatchObject({ title: 'Data Engineer </script>', source: 'json-ld' });
    expect(posting.description).toContain('• Kafka and Spark');
  });

  it('reads a PDF CV', async () => {
    const pdf = join(dir, 'cv.pdf');
    writeFileSync(pdf, writePdf(oneColumnCv()));
    expect(await main(['--job', POSTING_HTML, '--cv', pdf])).toBe(0);
    const report = printed();
    expect(statusOf(report, 'Kafka')).toBe('matched');
    expect(statusOf(report, 'Go')).toBe('missing');
  });

  it('prints a coded error for a page that is no job, a missing file or an unreadable CV', async () => {
    expect(await main(['--job', join(root, 'e2e/pages/not-a-job.html'), '--cv', JANE])).toBe(1);
    expect(printed().error).toMatchObject({ code: 'not_a_job_posting', message: expect.stringContaining('not a single job posting') });
    out = [];
    expect(await main(['--job', join(dir, 'nope.html'), '--cv', JANE])).toBe(1);
    expect(printed().error!.code).toBe('not_found');
    out = [];
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '   \n');
    expect(await main(['--job', POSTING_HTML, '--cv', empty])).toBe(1);
    expect(printed().error!.code).toBe('cv_empty');
    expect(await main(['--job', POSTING_HTML])).toBe(2);
  });

  it('runs as `npm run -s match`', () => {
    const { stdout, status } = spawnSync('npm', ['run', '-s', 'match', '--', '--job', POSTING_HTML, '--cv', JANE], { cwd: root, encoding: 'utf8' });
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as MatchReport).requirements.map((r) => r.canonical)).toEqual(['Go', 'Kubernetes', 'Kafka', 'Terraform', 'Rust']);
  }, 30_000);
});
