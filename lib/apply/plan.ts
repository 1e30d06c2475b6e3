import type { Cv } from '../cv/model';
import type { ProfileField } from './fields';
import type { FillPlan } from './report';

/** The settings profile (lib/storage/items.ts profileSchema), as far as a form needs it. */
export interface ApplyProfile {
  name?: string;
  email?: string;
  phone?: string;
  location?: string;
  links?: string[];
}

const linkOf = (links: readonly string[], host: RegExp) => links.find((url) => safeHost(url) && host.test(safeHost(url)!));

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The profile values a fill may write: the settings profile first, the chosen CV's contact lines and its
 * latest job for the rest. Empty values are left out (the fill then leaves the field for the user).
 */
export function profileValues(profile: ApplyProfile, cv: Cv | undefined): FillPlan['profile'] {
  const basics = cv?.basics;
  const fullName = (profile.name || basics?.name || '').trim();
  const words = fullName.split(/\s+/).filter(Boolean);
  const links = [...(profile.links ?? []), ...(basics?.profiles ?? []).map((p) => p.url ?? '').filter(Boolean), ...(basics?.url ? [basics.url] : [])];
  const linkedin = linkOf(links, /(^|\.)linkedin\.com$/);
  const github = linkOf(links, /(^|\.)github\.com$/);
  const website = links.find((url) => url !== linkedin && url !== github && safeHost(url));
  const location = profile.location || [basics?.location?.city, basics?.location?.region, basics?.location?.countryCode].filter(Boolean).join(', ');
  const current = cv?.work.find((w) => !w.endDate && (w.kind ?? 'job') === 'job') ?? cv?.work[0];
  const values: Record<ProfileField, string | undefined> = {
    fullName,
    firstName: words.length > 1 ? words.slice(0, -1).join(' ') : words[0],
    lastName: words.length > 1 ? words.at(-1) : undefined,
    email: profile.email || basics?.email,
    phone: profile.phone || basics?.phone,
    location,
    city: basics?.location?.city || location.split(',')[0]?.trim(),
    linkedin,
    github,
    website,
    currentCompany: current?.name,
    currentTitle: current?.position,
  };
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1]?.trim()))) as FillPlan['profile'];
}

/** Bytes as base64, in chunks (a CV PDF is too large for one `String.fromCharCode` call). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
