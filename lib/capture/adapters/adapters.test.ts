import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixture, page } from '../fixtures/load';
import { readPage } from '..';
import { adapters, findAdapter } from '.';
import type { JobPosting } from '../types';

// Hand-made pages modelled on each site's markup (see the comment at the top of each fixture), served
// from 127.0.0.1: adapters must recognise their site from the document, not from location.hostname.

const cases: [file: string, site: string, expected: Partial<JobPosting>][] = [
  [
    'greenhouse-classic.html',
    'greenhouse',
    {
      title: 'Senior Backend Engineer',
      company: 'Northwind Robotics',
      location: 'Berlin, Germany (Hybrid)',
      workplace: 'hybrid',
      salary: { min: 70000, max: 90000, currency: 'EUR' },
      url: 'https://boards.greenhouse.io/northwindrobotics/jobs/4012345006',
      siteJobId: '4012345006',
      sections: {
        responsibilities: ['Design and run the services that dispatch robots.', 'Improve reliability and observability of the fleet platform.'],
        requirements: ['5+ years of backend development in Go or Kotlin.', 'Experience with PostgreSQL and Kafka.'],
        niceToHave: ['Robotics or logistics experience.'],
      },
    },
  ],
  [
    'greenhouse-job-boards.html',
    'greenhouse',
    {
      title: 'Product Designer',
      company: 'Lumen Health',
      location: 'Remote - United States',
      workplace: 'remote',
      salary: { min: 120000, max: 150000, currency: 'USD' },
      siteJobId: '7654321',
    },
  ],
  [
    'lever.html',
    'lever',
    {
      title: 'Data Engineer',
      company: 'Acme Analytics',
      location: 'Lisbon, Portugal',
      workplace: 'hybrid',
      employmentType: ['FULL_TIME'],
      salary: { min: 55000, max: 70000, currency: 'EUR', period: 'YEAR' },
      siteJobId: '3f2b8c1e-5d4a-4e7b-9a0c-1b2c3d4e5f60',
      sections: { responsibilities: ['Build batch and streaming pipelines in Python.', 'Own data quality checks.'], requirements: ['3+ years with Spark or Beam.', 'Strong SQL.'] },
    },
  ],
  [
    'ashby.html',
    'ashby',
    {
      title: 'Machine Learning Engineer',
      company: 'Orbital Labs',
      location: 'Paris, France',
      workplace: 'remote',
      employmentType: ['FULL_TIME'],
      salary: { min: 80000, max: 110000, currency: 'EUR' },
      siteJobId: '8e1f0a22-6b3c-4d5e-8f90-a1b2c3d4e5f6',
    },
  ],
  [
    'workday-rendered.html',
    'workday',
    {
      title: 'Grid Software Engineer',
      location: 'Oslo, Norway',
      locations: ['Oslo, Norway', 'Bergen, Norway'],
      workplace: 'hybrid',
      employmentType: ['FULL_TIME'],
      siteJobId: 'JR-10442',
      sections: { responsibilities: ['Build forecasting services.', 'Work with grid operators.'] },
    },
  ],
  [
    'indeed-viewjob.html',
    'indeed',
    {
      title: 'Product Owner',
      company: 'Fenwick Insurance',
      location: 'London EC2A',
      workplace: 'hybrid',
      employmentType: ['FULL_TIME'],
      salary: { min: 55000, max: 65000, currency: 'GBP', period: 'YEAR' },
      url: 'https://uk.indeed.com/viewjob?jk=4b1e2c3d4f5a6b7c',
      siteJobId: '4b1e2c3d4f5a6b7c',
    },
  ],
  [
    'indeed-split.html',
    'indeed',
    {
      title: 'Staff Nurse',
      company: 'Northern Care',
      location: 'Manchester M1',
      employmentType: ['PART_TIME'],
      salary: { min: 17.5, currency: 'GBP', period: 'HOUR' },
      siteJobId: '9a8b7c6d5e4f3a2b',
    },
  ],
  [
    'glassdoor-job.html',
    'glassdoor',
    { title: 'Senior Data Analyst', company: 'Polar Analytics', location: 'Toronto, ON', salary: { min: 90000, max: 110000, currency: 'CAD' }, siteJobId: '1009123456789' },
  ],
  [
    'linkedin-search-split.html',
    'linkedin',
    {
      title: 'Ingeniero de Datos',
      company: 'Banco Solar',
      location: 'Madrid, Community of Madrid, Spain',
      workplace: 'hybrid',
      employmentType: ['FULL_TIME'],
      salary: { min: 45000, max: 55000, currency: 'EUR', period: 'YEAR' },
      language: 'es',
      url: 'https://www.linkedin.com/jobs/view/4100000002/',
      siteJobId: '4100000002',
      sections: { responsibilities: ['Diseñar y mantener los procesos de ingesta de datos.', 'Garantizar la calidad de los datos.'], requirements: ['Experiencia con Python y SQL.', 'Conocimientos de Airflow.'] },
    },
  ],
  [
    'seek-job.html',
    'seek',
    {
      title: 'Senior Data Engineer',
      company: 'Harbour Freight Logistics',
      location: 'Sydney NSW',
      workplace: 'hybrid',
      employmentType: ['FULL_TIME'],
      salary: { min: 150000, max: 170000, currency: 'AUD', period: 'YEAR' },
      url: 'https://www.seek.com.au/job/81234567',
      siteJobId: '81234567',
      sections: {
        responsibilities: ['Build batch and streaming pipelines on AWS.', 'Look after data quality for the freight network.'],
        requirements: ['5+ years with Python and SQL.', 'Experience with Airflow or Dagster.'],
      },
    },
  ],
  [
    'seek-split.html',
    'seek',
    {
      title: 'Registered Nurse - Surgical Ward',
      company: 'Auckland Health',
      location: 'Grafton, Auckland',
      employmentType: ['PART_TIME'],
      salary: { min: 45, max: 52, currency: 'NZD', period: 'HOUR' },
      url: 'https://www.seek.co.nz/job/79876543',
      siteJobId: '79876543',
    },
  ],
  [
    'welcometothejungle.html',
    'welcometothejungle',
    {
      title: 'Data Engineer H/F',
      titleNormalized: 'data engineer',
      company: 'Maison Verte',
      location: 'Lyon',
      workplace: 'hybrid',
      employmentType: ['FULL_TIME'],
      salary: { min: 45000, max: 55000, currency: 'EUR' },
      datePosted: '2025-04-02T08:30:00Z',
      language: 'fr',
      url: 'https://www.welcometothejungle.com/fr/companies/maison-verte/jobs/data-engineer-h-f_lyon_MAISO_Xk3pQ9a',
      siteJobId: 'maison-verte/data-engineer-h-f_lyon_MAISO_Xk3pQ9a',
      sections: {
        responsibilities: ["Concevoir et maintenir les pipelines d'ingestion.", 'Mettre en place le suivi de la qualité des données.'],
        requirements: ['Vous maîtrisez Python et SQL.', 'Vous avez travaillé avec dbt ou Airflow.'],
      },
    },
  ],
  [
    'infojobs.html',
    'infojobs',
    {
      title: 'Desarrollador/a Backend Java (Senior)',
      company: 'Tecnologías Meseta',
      location: 'Madrid',
      workplace: 'hybrid',
      employmentType: ['FULL_TIME'],
      salary: { min: 30000, max: 36000, currency: 'EUR', period: 'YEAR' },
      language: 'es',
      url: 'https://www.infojobs.net/madrid/desarrollador-backend-java-senior/of-i3f1c2b9a8e7d4c6b5a4f3e2d1c0b9a8',
      siteJobId: '3f1c2b9a8e7d4c6b5a4f3e2d1c0b9a8',
      sections: { responsibilities: ['Diseñar y mantener los servicios de cobro.', 'Revisar el código del equipo y mejorar las pruebas.'] },
    },
  ],
  [
    'stepstone.html',
    'stepstone',
    {
      title: 'Softwareentwickler Backend (m/w/d)',
      titleNormalized: 'softwareentwickler backend',
      company: 'Nordlicht Energie GmbH',
      location: 'Hamburg',
      workplace: 'hybrid',
      employmentType: ['FULL_TIME'],
      salary: { min: 55000, max: 70000, currency: 'EUR', period: 'YEAR' },
      language: 'de',
      url: 'https://www.stepstone.de/stellenangebote--Softwareentwickler-Backend-m-w-d-Hamburg-Nordlicht-Energie-GmbH--12345678-inline.html',
      siteJobId: '12345678',
      sections: {
        responsibilities: ['Sie entwickeln Dienste für die Steuerung der Anlagen.', 'Sie betreuen unsere Datenschnittstellen.'],
        requirements: ['Sie haben mehrere Jahre Erfahrung mit Kotlin oder Java.', 'Sie kennen PostgreSQL und Kafka.'],
      },
    },
  ],
];

/** Relative dates ("Posted 3d ago") count back from 2025-05-20. */
function freezeClock(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-05-20T10:00:00Z'));
}

describe('site adapters on hand-made pages', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(cases)('%s → adapter:%s', (file, site, expected) => {
    const doc = fixture(file);
    expect(findAdapter(doc)?.site).toBe(site);
    const result = readPage(doc);
    expect(result).toMatchObject({ ok: true, posting: { ...expected, source: `adapter:${site}` } });
  });

  it('SmartRecruiters: microdata gives the posting (json-ld source), the adapter its displayed location and job id', () => {
    const result = readPage(fixture('smartrecruiters.html'));
    expect(findAdapter(fixture('smartrecruiters.html'))?.site).toBe('smartrecruiters');
    expect(result).toMatchObject({
      ok: true,
      posting: {
        title: 'Werkstudent (m/w/d) Marketing',
        titleNormalized: 'werkstudent marketing',
        company: 'Kaffeewerk GmbH',
        location: 'Hamburg, Deutschland',
        locations: ['Hamburg, Deutschland'],
        workplace: 'hybrid',
        employmentType: ['PART_TIME'],
        datePosted: '2025-03-14',
        language: 'de',
        siteJobId: '743999912345678',
        source: 'json-ld',
        sections: { responsibilities: ['Du planst Social-Media-Kampagnen.', 'Du wertest Kampagnen aus.'] },
      },
    });
  });

  it.each([
    ['linkedin-search-no-posting.html', 'not_a_job_posting'],
    ['linkedin-authwall.html', 'login_required'],
    ['indeed-search.html', 'not_a_job_posting'],
    ['seek-search.html', 'not_a_job_posting'],
  ])('%s → %s', (file, code) => {
    expect(readPage(fixture(file))).toEqual({ ok: false, error: { code } });
  });

  it('SEEK: "Posted 3d ago" dates the posting; the split view takes the open job from the address', () => {
    freezeClock();
    expect(readPage(fixture('seek-job.html'))).toMatchObject({ ok: true, posting: { datePosted: '2025-05-17' } });
    const split = page(
      '<link rel="canonical" href="https://www.seek.com.au/nurse-jobs"><article data-automation="normalJob"><a href="/job/1">Nurse</a></article>' +
        '<div data-automation="jobDetailsPage"><h1 data-automation="job-detail-title">Staff Nurse</h1><span data-automation="advertiser-name">Care Co</span></div>',
      'https://www.seek.com.au/nurse-jobs?jobId=79999999&type=standard',
    );
    expect(readPage(split)).toMatchObject({ ok: true, posting: { title: 'Staff Nurse', siteJobId: '79999999', url: 'https://www.seek.com.au/job/79999999', source: 'adapter:seek' } });
  });

  it.each([
    ['Télétravail total', 'remote'],
    ['Télétravail occasionnel', 'hybrid'],
    ['Télétravail non autorisé', 'onsite'],
    ['A few days at home', 'hybrid'],
    ['Fully-remote', 'remote'],
  ])('Welcome to the Jungle: %j → %s', (label, workplace) => {
    const doc = page(
      `<link rel="canonical" href="https://www.welcometothejungle.com/en/companies/acme/jobs/dev_paris"><div data-testid="job-metadata-block"><h2>Developer</h2>` +
        `<div><i name="contract"></i><span>Stage</span></div><div><i name="remote"></i><span>${label}</span></div></div>`,
    );
    expect(readPage(doc)).toMatchObject({ ok: true, posting: { title: 'Developer', workplace, employmentType: ['INTERN'], siteJobId: 'acme/dev_paris', source: 'adapter:welcometothejungle' } });
  });

  it('InfoJobs: the newer header markup (ij-OfferDetailHeader) is read too', () => {
    const doc = page(
      '<link rel="canonical" href="https://www.infojobs.net/barcelona/camarero/of-iab12cd34ef56ab78cd90ef12ab34cd"><div class="ij-OfferDetailHeader">' +
        '<h1 class="ij-Heading-title1">Camarero/a</h1><div class="ij-OfferDetailHeader-companyLogo-companyName"><a href="/e">Bar Sol</a></div>' +
        '<ul><li class="ij-OfferDetailHeader-detailsList-item">Barcelona (Barcelona)</li><li class="ij-OfferDetailHeader-detailsList-item">Presencial</li>' +
        '<li class="ij-OfferDetailHeader-detailsList-item">Salario: 1.500€ - 1.700€ Bruto/mes</li><li class="ij-OfferDetailHeader-detailsList-item">Contrato de duración determinada, Jornada parcial</li></ul></div>',
    );
    expect(readPage(doc)).toMatchObject({
      ok: true,
      posting: {
        title: 'Camarero/a',
        company: 'Bar Sol',
        location: 'Barcelona',
        workplace: 'onsite',
        salary: { min: 1500, max: 1700, currency: 'EUR', period: 'MONTH' },
        employmentType: ['PART_TIME', 'TEMPORARY'],
        siteJobId: 'ab12cd34ef56ab78cd90ef12ab34cd',
        source: 'adapter:infojobs',
      },
    });
  });

  it('StepStone: "Erschienen: vor 2 Tagen" dates the posting; a permanent part-time contract is part-time', () => {
    freezeClock();
    expect(readPage(fixture('stepstone.html'))).toMatchObject({ ok: true, posting: { datePosted: '2025-05-18' } });
    const doc = page(
      '<link rel="canonical" href="https://www.totaljobs.com/job/warehouse-operative/acme-job105123456"><h1 data-at="header-job-title">Warehouse Operative</h1>' +
        '<span data-at="metadata-contract-type">Permanent</span><span data-at="metadata-work-type">Part time, Work from home</span><span data-at="metadata-salary">£12.50 per hour</span>',
    );
    expect(readPage(doc)).toMatchObject({
      ok: true,
      posting: { employmentType: ['PART_TIME'], workplace: 'remote', salary: { min: 12.5, currency: 'GBP', period: 'HOUR' }, siteJobId: '105123456', source: 'adapter:stepstone' },
    });
  });

  it('Glassdoor bot check → captcha', () => {
    const doc = page('<title>Security | Glassdoor</title><body><h1>Help Us Protect Glassdoor</h1><form id="challenge-form"></form></body>');
    expect(readPage(doc)).toEqual({ ok: false, error: { code: 'captcha' } });
  });

  it('recognises sites by canonical or og:url host even without their markup', () => {
    const on = (href: string) => page(`<link rel="canonical" href="${href}"><title>x</title>`);
    expect(findAdapter(on('https://www.linkedin.com/jobs/view/1234567/'))?.site).toBe('linkedin');
    expect(findAdapter(on('https://acme.wd3.myworkdayjobs.com/en-US/Ext/job/X_R1'))?.site).toBe('workday');
    expect(findAdapter(on('https://jobs.lever.co/acme/3f2b8c1e-5d4a-4e7b-9a0c-1b2c3d4e5f60'))?.site).toBe('lever');
    expect(findAdapter(on('https://jobs.ashbyhq.com/acme/x'))?.site).toBe('ashby');
    expect(findAdapter(on('https://jobs.smartrecruiters.com/Acme/1'))?.site).toBe('smartrecruiters');
    expect(findAdapter(on('https://de.indeed.com/viewjob?jk=abc'))?.site).toBe('indeed');
    expect(findAdapter(on('https://www.glassdoor.fr/emploi'))?.site).toBe('glassdoor');
    expect(findAdapter(on('https://boards.greenhouse.io/acme/jobs/1'))?.site).toBe('greenhouse');
    expect(findAdapter(on('https://www.seek.co.nz/job/79876543'))?.site).toBe('seek');
    expect(findAdapter(on('https://my.jobstreet.com/job/80000001'))?.site).toBe('seek');
    expect(findAdapter(on('https://www.welcometothejungle.com/fr/companies/acme/jobs/dev_paris'))?.site).toBe('welcometothejungle');
    expect(findAdapter(on('https://www.infojobs.net/madrid/x/of-i3f1c2b9a8e7d4c6b5a4f3e2d1c0b9a8'))?.site).toBe('infojobs');
    expect(findAdapter(on('https://www.stepstone.at/stellenangebote--x--12345678-inline.html'))?.site).toBe('stepstone');
    expect(findAdapter(on('https://www.totaljobs.com/job/x/acme-job105123456'))?.site).toBe('stepstone');
    expect(findAdapter(on('https://careers.example.com/jobs/42'))).toBeUndefined();
  });

  it("another site's /jobs/ path is not taken for a LinkedIn list", () => {
    const doc = page(
      '<link rel="canonical" href="https://careers.example.com/jobs/data-engineer"><script src="https://static.licdn.com/insight.js"></script>' +
        '<title>Data Engineer | Example</title><body><main><h1>Data Engineer</h1><p>We are hiring a data engineer. Responsibilities: pipelines. Requirements: SQL.</p></main></body>',
    );
    expect(readPage(doc)).toMatchObject({ ok: true, posting: { title: 'Data Engineer' } });
  });

  it('every adapter has a unique site id of the form the model accepts', () => {
    const ids = adapters.map((a) => a.site);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]{1,40}$/);
  });
});
