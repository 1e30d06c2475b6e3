import { i18n } from '#i18n';
import type { Flag } from './post-check';

/** Why a line is blocked, in the user's language ("A number the cited lines do not give: 12"). */
export function flagMessage(flag: Flag): string {
  return i18n.t(`fabrication.${flag.reason}`, [flag.detail]);
}
