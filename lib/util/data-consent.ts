import { browser } from 'wxt/browser';
import { AppError } from './errors';

/**
 * Firefox's built-in data collection consent: an AI call sends the posting (website content) and CV
 * text (personal details) to the endpoint, so Firefox must have granted the optional
 * `data_collection_permissions` declared in wxt.config.ts first. Chrome has no such permission.
 */
export const AI_DATA_COLLECTION = ['websiteContent', 'personallyIdentifyingInfo'];

/** `permissions.Permissions` with Firefox's `data_collection` (MDN), which the browser types lack. */
interface DataCollectionPermissions {
  contains(permissions: { data_collection: string[] }): Promise<boolean>;
  request(permissions: { data_collection: string[] }): Promise<boolean>;
}

export interface DataConsent {
  /** True in Chrome; in Firefox, whether the data collection is granted. */
  granted(): Promise<boolean>;
  /**
   * Asks Firefox (true in Chrome). Call it first thing in a click handler: Firefox shows its prompt only
   * while it handles a user action, and an `await` before it loses that.
   */
  request(): Promise<boolean>;
}

export function createDataConsent(
  firefox: boolean = import.meta.env.FIREFOX,
  permissions: DataCollectionPermissions = browser.permissions as unknown as DataCollectionPermissions,
): DataConsent {
  const wanted = () => ({ data_collection: [...AI_DATA_COLLECTION] });
  return {
    granted: () => (firefox ? permissions.contains(wanted()).catch(() => false) : Promise.resolve(true)),
    request: () => (firefox ? permissions.request(wanted()).catch(() => false) : Promise.resolve(true)),
  };
}

/** Before anything leaves for the model: refuses with `data_consent_refused` when Firefox has not granted it. */
export async function requireDataConsent(consent: DataConsent = createDataConsent()): Promise<void> {
  if (!(await consent.granted())) throw new AppError('data_consent_refused');
}
