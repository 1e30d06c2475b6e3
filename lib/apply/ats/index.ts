import { ashby } from './ashby';
import { greenhouse } from './greenhouse';
import { lever } from './lever';
import { smartrecruiters } from './smartrecruiters';
import { successfactors } from './successfactors';
import type { AtsModule } from './types';
import { workday } from './workday';

export type { AtsModule, AtsName, StepProblem } from './types';
export { greenhouseEmbed } from './greenhouse';

/** Most specific markup first. */
export const atsModules: readonly AtsModule[] = [greenhouse, lever, ashby, workday, smartrecruiters, successfactors];

export function detectAts(doc: Document): AtsModule | undefined {
  return atsModules.find((ats) => ats.detect(doc));
}
