/**
 * Plain types of a captured posting, shared by the injected capture script, the worker and the panel.
 * No zod here: the capture script imports this file and must stay small. The zod schema that checks
 * these shapes in the worker lives in model.ts (a test keeps the two in step).
 */

export const WORKPLACES = ['remote', 'hybrid', 'onsite'] as const;
export type Workplace = (typeof WORKPLACES)[number];

/** schema.org employmentType values; pages' own words ("Full-time", "CDI", "Stage") map onto these. */
export const EMPLOYMENT_TYPES = [
  'FULL_TIME',
  'PART_TIME',
  'CONTRACTOR',
  'TEMPORARY',
  'INTERN',
  'VOLUNTEER',
  'PER_DIEM',
  'OTHER',
] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const SALARY_PERIODS = ['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'] as const;
export type SalaryPeriod = (typeof SALARY_PERIODS)[number];

export interface Salary {
  min?: number;
  max?: number;
  /** ISO 4217 code, e.g. "EUR". */
  currency?: string;
  period?: SalaryPeriod;
}

/** Lists found under headings the posting marks itself ("Responsibilities", "Profil recherché", …). */
export interface Sections {
  responsibilities?: string[];
  requirements?: string[];
  niceToHave?: string[];
}

/** `json-ld`, `readability`, `adapter:<site>` (e.g. `adapter:linkedin`), or `text` (pasted text, a TXT or PDF file). */
export type CaptureSource = 'json-ld' | 'readability' | 'text' | `adapter:${string}`;

export interface JobPosting {
  /** Exactly as the page displays it. */
  title: string;
  /** Lower case, gender markers such as "(m/f/d)" and "H/F" removed: for matching and duplicates. */
  titleNormalized: string;
  company?: string;
  /** As displayed, e.g. "Berlin, BE" or "Remote". */
  location?: string;
  locations?: string[];
  workplace?: Workplace;
  employmentType?: EmploymentType[];
  salary?: Salary;
  /** ISO 8601: a date ("2024-09-24") or a date-time ("2024-06-11T13:47:28.000Z"). */
  datePosted?: string;
  validThrough?: string;
  /** Plain text with line breaks; list items start with "• ". Never HTML. */
  description?: string;
  sections?: Sections;
  /** Primary language subtag of the posting text, e.g. "fr". */
  language?: string;
  /** Canonical URL without tracking parameters. */
  url: string;
  siteJobId?: string;
  source: CaptureSource;
}

export const CAPTURE_ERROR_CODES = ['not_a_job_posting', 'captcha', 'login_required', 'empty_page', 'pdf_document'] as const;
export type CaptureErrorCode = (typeof CAPTURE_ERROR_CODES)[number];

/** What `readPage` returns, and what the capture script hands back to the worker. */
export type CaptureResult = { ok: true; posting: JobPosting } | { ok: false; error: { code: CaptureErrorCode } };

/** What one extractor (JSON-LD, a site adapter, Readability) found; the pipeline normalises and merges. */
export type PostingDraft = Partial<Omit<JobPosting, 'titleNormalized' | 'source'>>;

/** A site adapter recognises its site from the document and reads the posting that is open. */
export interface SiteAdapter {
  /** Short id used in `source: adapter:<site>`. */
  readonly site: string;
  /** True when the document belongs to the site: canonical/og:url host or the site's markup, not only location. */
  matches(doc: Document): boolean;
  /**
   * The open posting; an error when the page is recognised as something else (a search list with no
   * posting open, a bot check, a login wall); undefined when the adapter cannot tell.
   */
  read(doc: Document): { posting: PostingDraft } | { error: CaptureErrorCode } | undefined;
}

/** Display names of the adapters' sites, for the panel's "from the LinkedIn page" label. */
export const SITE_NAMES: Record<string, string> = {
  linkedin: 'LinkedIn',
  indeed: 'Indeed',
  glassdoor: 'Glassdoor',
  workday: 'Workday',
  greenhouse: 'Greenhouse',
  lever: 'Lever',
  ashby: 'Ashby',
  smartrecruiters: 'SmartRecruiters',
  seek: 'SEEK',
  welcometothejungle: 'Welcome to the Jungle',
  infojobs: 'InfoJobs',
  stepstone: 'StepStone',
};
