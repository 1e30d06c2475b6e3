/** What the panel learns about the key: never the key itself. */
export interface KeyStatus {
  valid: true;
  label?: string;
  /** Remaining credit in USD when the key has a limit; null when unlimited. */
  limitRemaining: number | null;
  usage?: number;
  isFreeTier?: boolean;
}
