import { statuses } from '@/lib/tracker/statuses';
import { statusLabel } from './labels';

/** One `<option>` per status, in board order, with translated labels. */
export function StatusOptions() {
  return statuses.map((s) => (
    <option key={s} value={s}>
      {statusLabel(s)}
    </option>
  ));
}
