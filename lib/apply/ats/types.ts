import type { FormControl } from '../controls';
import type { FieldMatch } from '../fields';

export const atsNames = ['greenhouse', 'lever', 'ashby', 'workday', 'smartrecruiters', 'successfactors'] as const;
export type AtsName = (typeof atsNames)[number];

/** Why a page cannot be filled as it stands, said in a way the panel can explain. */
export interface StepProblem {
  code: 'workday_wrong_step' | 'workday_resume_step';
  /** The step the form is on, as the site names it. */
  detail?: string;
}

/** What one applicant tracking system adds to the generic matcher: its known markup. */
export interface AtsModule {
  name: AtsName;
  detect(doc: Document): boolean;
  /** A match from the site's own field names; undefined leaves the control to the generic matcher. */
  refine?(control: FormControl): FieldMatch | undefined;
  /** The site's own sign that an uploaded file was taken (a file name chip, a success class). */
  uploaded?(root: ParentNode, fileName: string): boolean;
  /** A multi-step form on a step with nothing to fill, and what to do. */
  stepProblem?(doc: Document, controls: readonly FormControl[]): StepProblem | undefined;
  /** What to say when this step has no file input for the CV (a multi-step form takes it on another step). */
  missingResume?(doc: Document): StepProblem | undefined;
}

export function hostIs(doc: Document, pattern: RegExp): boolean {
  try {
    return pattern.test(new URL(doc.URL).host);
  } catch {
    return false;
  }
}
