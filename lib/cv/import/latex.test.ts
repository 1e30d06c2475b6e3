import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCvText } from './index';
import { readLatex } from './latex';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');

describe('LaTeX import (hand-made moderncv, awesome-cv and article fixtures)', () => {
  it('moderncv: header macros, \\cventry fields, \\cvitem skills, a missing \\input', () => {
    const cv = importCvText(fixture('alex-chen.moderncv.tex'), { fileName: 'cv.tex' });
    expect(cv.source.format).toBe('latex');
    expect(cv.basics).toMatchObject({
      name: 'Alex Chen',
      label: 'Machine Learning Engineer',
      email: 'alex.chen@example.sg',
      phone: '+65 9123 4567',
      url: 'https://alexchen.example.sg',
    });
    expect(cv.basics.profiles?.map((p) => [p.network, p.url])).toEqual([
      ['LinkedIn', 'https://linkedin.com/in/alexchen'],
      ['GitHub', 'https://github.com/achen'],
    ]);
    expect(cv.work.map((w) => [w.name, w.position, w.startDate, w.endDate])).toEqual([
      ['Lion City Robotics Pte. Ltd.', 'Machine Learning Engineer', '2021', undefined],
      ['Merlion Bank', 'Data Scientist', '2018', '2021'],
    ]);
    expect(cv.work[0]!.highlights).toEqual([
      'Trained perception models for warehouse robots (PyTorch, 40% fewer picking errors).',
      'Built the labelling pipeline.',
    ]);
    expect(cv.work[1]!.summary).toBe('Credit-risk models and their monitoring.');
    expect(cv.education).toMatchObject([
      { institution: 'National University of Singapore', studyType: 'B.Eng.', area: 'Computer Engineering', score: 'First Class Honours' },
    ]);
    expect(cv.skills.map((s) => s.name)).toEqual(['Languages', 'Tools']);
    expect(cv.skills[0]!.keywords).toEqual(['Python', 'C++', 'SQL']);
    expect(cv.languages.map((l) => [l.language, l.fluency])).toEqual([
      ['English', 'Fluent'],
      ['Mandarin', 'Native'],
    ]);
    expect(cv.warnings).toContainEqual({ code: 'latex_input_missing', detail: 'publications' });
  });

  it('awesome-cv: \\cventry{title}{org}{place}{dates}{items}, \\cvsection, \\cvhonor', () => {
    const cv = importCvText(fixture('sam-lee.awesome-cv.tex'));
    expect(cv.basics).toMatchObject({ name: 'Sam Lee', email: 'sam.lee@example.kr', phone: '(+82) 10-5555-0123' });
    expect(cv.basics.label).toBe('Site Reliability Engineer · Platform Engineer');
    expect(cv.work.map((w) => [w.name, w.position, w.location, w.startDate, w.endDate])).toEqual([
      ['Haeundae Cloud Co., Ltd.', 'Site Reliability Engineer', 'Busan, S.Korea', '2020-03', undefined],
      ['Gwangan Labs', 'Software Engineer Intern', 'Seoul, S.Korea', '2019-07', '2019-08'],
    ]);
    expect(cv.work[0]!.highlights).toEqual(['Cut paging alerts by 70% with SLO-based alerting.', 'Ran the migration to Kubernetes.']);
    expect(cv.education).toMatchObject([{ institution: 'Pusan National University', studyType: 'B.S.' }]);
    expect(cv.awards).toMatchObject([{ date: '2019' }]);
    expect(cv.awards[0]!.title).toContain('National Cloud Hackathon');
  });

  it('article-based (sb2nov / Jake): tabular header, \\resumeSubheading in either argument order', () => {
    const cv = importCvText(fixture('kim-park.article.tex'));
    expect(cv.basics).toMatchObject({
      name: 'Kim Park',
      email: 'kim.park@example.com',
      phone: '+1-312-555-0166',
      url: 'https://kimpark.example.com/',
    });
    expect(cv.work.map((w) => [w.name, w.position, w.location])).toEqual([
      ['Wingtip Toys', 'Senior Software Engineer', 'Chicago, IL'],
      ['Northwind University', 'Undergraduate Research Assistant', 'Evanston, IL'],
    ]);
    expect(cv.work[0]!.highlights).toEqual(['Payments: Rewrote the payment service in Go; refunds now settle in one day.']);
    expect(cv.education).toMatchObject([
      { institution: 'University of Illinois Urbana-Champaign', studyType: 'Master of Science', area: 'Computer Science', score: '3.9' },
    ]);
    expect(cv.skills).toMatchObject([{ name: 'Languages', keywords: ['Go', 'Python', 'C#'] }]);
  });

  it('keeps text from unknown commands, decodes accents and special characters, drops comments', () => {
    const doc = readLatex(
      [
        '\\documentclass{article}',
        '\\begin{document}',
        "\\textbf{Jos\\'e Mu\\~noz} % a comment",
        '\\section{Experiencia}',
        '\\myentry{Ingeniero de \\emph{Datos}} \\hfill 2020 -- 2022 \\\\',
        '\\faEnvelope\\ jose@example.com $|$ \\url{https://example.com} \\& more 50\\%',
        '\\end{document}',
      ].join('\n'),
    );
    expect(doc.lines.map((l) => [l.line, l.segments])).toEqual([
      [3, ['José Muñoz']],
      [4, ['Experiencia']],
      [5, ['Ingeniero de Datos', '2020 – 2022']],
      [6, ['jose@example.com | https://example.com & more 50%']],
    ]);
    expect(doc.lines[1]!.heading).toBe(2);
  });
});
