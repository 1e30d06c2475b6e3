import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobPostingSchema } from '../lib/capture/model';
import { writePdf, type TextRun } from '../lib/cv/fixtures/pdf-writer';
import { documentUrl } from './extract';

const root = resolve(import.meta.dirname, '..');

function run(args: string[]): { lines: Record<string, unknown>[]; status: number } {
  const parse = (out: string) => out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  try {
    return { lines: parse(execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/extract.ts'), ...args], { cwd: root, encoding: 'utf8' })), status: 0 };
  } catch (error) {
    const e = error as { stdout: string; status: number };
    return { lines: parse(e.stdout), status: e.status };
  }
}

// Hand-made posting PDF: a title, a header line and a few paragraphs in the text layer.
function postingPdf(): Uint8Array {
  const lines = [
    'Site Reliability Engineer',
    'Globex Corporation · Madrid, Spain',
    '',
    'About the role',
    'We are looking for an engineer to keep our payment platform available.',
    'Requirements',
    '• Kubernetes and Terraform in production',
    '• On-call experience. Full-time, hybrid.',
  ];
  let top = 60;
  const runs: TextRun[] = [];
  for (const [i, text] of lines.entries()) {
    top += text ? (i === 0 ? 0 : 16) : 12;
    if (text) runs.push({ text, x: 50, top, size: i === 0 ? 18 : 10, font: i === 0 ? 'bold' : 'regular' });
  }
  return writePdf([{ runs }]);
}

describe('extract CLI', () => {
  it('prints one JSON line per file: a posting for HTML, PDF and TXT, a coded error otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-'));
    writeFileSync(join(dir, 'posting.pdf'), postingPdf());
    writeFileSync(join(dir, 'scan.pdf'), writePdf([{ image: true }]));
    writeFileSync(join(dir, 'locked.pdf'), writePdf([{ runs: [{ text: 'Secret', x: 50, top: 60 }] }], { encrypted: true }));
    writeFileSync(join(dir, 'posting.txt'), 'Backend Developer\nInitech | Austin, TX\nJob type: Full-time\n\nResponsibilities: build APIs. Requirements: Go. Full-time. Apply now.\n');
    writeFileSync(join(dir, 'renamed.html'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    const files = [
      'e2e/pages/job-posting.html',
      join(dir, 'posting.pdf'),
      join(dir, 'posting.txt'),
      'e2e/pages/not-a-job.html',
      join(dir, 'scan.pdf'),
      join(dir, 'locked.pdf'),
      join(dir, 'renamed.html'),
      join(dir, 'missing.txt'),
    ];
    const { lines, status } = run(files);
    expect(status).toBe(1);
    expect(lines.map((l) => l.file)).toEqual(files);

    expect(lines[0]).toMatchObject({ ok: true, posting: { title: 'Senior Frontend Engineer', company: 'Acme Robotics', location: 'Lisbon, PT', source: 'json-ld' } });
    expect(lines[1]).toMatchObject({ ok: true, posting: { title: 'Site Reliability Engineer', company: 'Globex Corporation', location: 'Madrid, Spain', source: 'text' } });
    expect((lines[1]!.posting as { description: string }).description).toContain('Kubernetes and Terraform in production');
    expect(lines[2]).toMatchObject({ ok: true, posting: { title: 'Backend Developer', company: 'Initech', location: 'Austin, TX', employmentType: ['FULL_TIME'] } });
    for (const line of lines.slice(0, 3)) expect(jobPostingSchema.safeParse(line.posting).success).toBe(true);

    const error = (i: number) => (lines[i] as { error: { code: string; message: string } }).error;
    expect(lines[3]).toMatchObject({ ok: false, error: { code: 'not_a_job_posting', message: expect.stringContaining('not a single job posting') } });
    expect(error(4)).toEqual({ code: 'posting_file_no_text', message: expect.stringContaining('no text layer') });
    expect(error(5).code).toBe('posting_file_unreadable');
    expect(error(6)).toEqual({ code: 'posting_file_type', message: expect.stringContaining('cannot read this kind of file') });
    expect(error(7)).toEqual({ code: 'not_found', message: 'No such file.' });
  }, 60_000);

  it('reads pages as served from --base-url, so the page address becomes the posting URL', () => {
    const { lines, status } = run(['--base-url', 'http://127.0.0.1:8080/', 'e2e/pages/job-heading.html']);
    expect(status).toBe(0);
    expect(lines[0]).toMatchObject({ ok: true, posting: { url: 'http://127.0.0.1:8080/e2e/pages/job-heading.html', source: 'readability' } });
  }, 30_000);

  it('gives a file its file:// URL without --base-url, and encodes names', () => {
    expect(documentUrl('a b/c#1.html', 'http://127.0.0.1:9/x')).toBe('http://127.0.0.1:9/x/a%20b/c%231.html');
    expect(documentUrl('/tmp/p.html')).toBe('file:///tmp/p.html');
  });
});
