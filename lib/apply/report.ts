import type { AtsName } from './ats';
import type { ProfileField, SensitiveTopic } from './fields';

/** A file to put in a file input; bytes as base64 because they cross from the panel to the page. */
export interface ApplyFile {
  name: string;
  type: string;
  base64: string;
}

/** Everything a fill may use. Built in the panel from the profile, the chosen CV and the answer bank. */
export interface FillPlan {
  profile: Partial<Record<ProfileField, string>>;
  resume?: ApplyFile;
  /** The letter as text for a textarea, and as a file for a cover-letter file input. */
  coverLetter?: { text?: string; file?: ApplyFile };
  /** Saved answers, keyed by normalised question text (lib/apply/text.ts normalizeQuestion). */
  answers: { question: string; answer: string }[];
  /** Longest wait for the site's "uploaded" marker and its resume-parse autofill. */
  uploadWaitMs?: number;
}

export type FillSource = 'profile' | 'cv' | 'coverLetter' | 'answer';

export interface FilledField {
  label: string;
  value: string;
  source: FillSource;
  field?: ProfileField | 'resume' | 'coverLetter';
  /** Normalised question: the answer bank's key when the user corrects this value. */
  question?: string;
  /** Index in the page's undo log: undoes this field alone. */
  undoId?: number;
}

export type LeftReason = 'sensitive' | 'no_answer' | 'already_filled' | 'no_value' | 'no_option' | 'pick_from_list' | 'site_refused' | 'repeated';

export interface LeftField {
  label: string;
  /** Normalised question: the answer bank's key. */
  question: string;
  reason: LeftReason;
  topic?: SensitiveTopic;
  options?: string[];
}

export type FillProblemCode = 'no_file_input' | 'several_file_inputs' | 'cross_origin_iframe' | 'synthetic_ignored' | 'workday_wrong_step' | 'workday_resume_step' | 'upload_unconfirmed' | 'no_form' | 'frame_needs_permission';

export interface FillProblem {
  code: FillProblemCode;
  detail?: string;
}

export interface FillReport {
  url: string;
  origin: string;
  ats?: AtsName;
  filled: FilledField[];
  left: LeftField[];
  problems: FillProblem[];
}

/** What the content script hands back to `scripting.executeScript`. */
export type ApplyScriptResult =
  | { ok: true; mode: 'fill'; report: FillReport }
  | { ok: true; mode: 'undo'; restored: number }
  | { ok: true; mode: 'undoOne'; restored: number }
  | { ok: false; error: string };
