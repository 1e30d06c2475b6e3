/**
 * What a form control asks for. Patterns run on folded text (lib/apply/text.ts: lower case, no accents),
 * in English, Spanish and French. Sensitive topics are checked first: a question about work authorisation
 * that mentions a "company" is still a work-authorisation question.
 */
export const profileFields = [
  'fullName',
  'firstName',
  'lastName',
  'email',
  'phone',
  'location',
  'city',
  'linkedin',
  'github',
  'website',
  'currentCompany',
  'currentTitle',
] as const;
export type ProfileField = (typeof profileFields)[number];

export const sensitiveTopics = ['gender', 'race', 'disability', 'veteran', 'sponsorship', 'workAuthorization'] as const;
export type SensitiveTopic = (typeof sensitiveTopics)[number];

export type FieldMatch =
  | { kind: 'profile'; field: ProfileField }
  | { kind: 'resume' }
  | { kind: 'coverLetter' }
  | { kind: 'sensitive'; topic: SensitiveTopic }
  /** A labelled question Jobfit has no profile field for: filled only from a saved answer. */
  | { kind: 'question' }
  | { kind: 'unknown' };

/** Where the match came from, strongest first. */
export type MatchSource = 'ats' | 'autocomplete' | 'label' | 'name' | 'placeholder' | 'nearby';

const sensitivePatterns: [SensitiveTopic, RegExp][] = [
  ['sponsorship', /\bsponsor|\bvisa\b|\bvisado\b|immigration|\bh[- ]?1b\b|patrocinio|parrainage|inmigracion/],
  [
    'workAuthorization',
    /authori[sz]ed to work|authori[sz]ation to work|work authori[sz]ation|legally (authori[sz]ed|eligible|able|entitled)|right to work|work permit|eligible to work|permiso de trabajo|autorizad[oa] para trabajar|derecho a trabajar|autorisation de travail|autorise a travailler|permis de travail|droit de travailler/,
  ],
  ['disability', /disabilit|disabled|discapacidad|minusvalia|handicap/],
  ['veteran', /veteran|armed forces|military|militar|fuerzas armadas|ancien combattant|forces armees/],
  ['race', /\brac(e|ial)\b|ethnic|hispanic|latin[oxa]\b|\braza\b|etnia|etnic|origine ethnique/],
  ['gender', /\bgender|\bsex\b|\bsexual|transgender|pronoun|\bgenero\b|\bsexo\b|\bgenre\b|\bsexe\b|orientation sexuelle|orientacion sexual/],
];

// Profile patterns only apply to short labels: a long sentence is a question even if it says "name".
const profilePatterns: [ProfileField, RegExp][] = [
  ['linkedin', /linked ?in/],
  ['github', /git ?hub/],
  ['email', /e-? ?mail|correo|courriel/],
  ['fullName', /^(your |legal |full |candidate )?name$|^full legal name$|full name|legal name|nombre completo|nombre y apellidos?|nom complet|nom et prenom|prenom et nom|^nom prenom$/],
  ['firstName', /\b(first|given|fore) ?name\b|^name first$|^prenom$|^prenoms?\b|^nombre\b|^nombre de pila/],
  ['lastName', /\b(last|family|sur) ?name\b|^surname$|^name last$|apellidos?|^nom de famille$|^nom$|^nom d usage$/],
  ['phone', /phone|mobile|\bcell\b|telephone|telefono|\bmovil\b|celular|portable|^tel\b|numero de tel/],
  ['currentCompany', /(current|present|latest|most recent) (company|employer|organi[sz]ation)|^(company|employer|organi[sz]ation)( name)?$|empresa actual|empleador actual|entreprise actuelle|employeur actuel|societe actuelle|^empresa$|^entreprise$|^employeur$/],
  ['currentTitle', /(current|present|latest|most recent) (job )?(title|position|role)|^(job )?title$|^position$|puesto actual|cargo actual|titulo del puesto|poste actuel|intitule du poste|fonction actuelle|^puesto$|^poste$/],
  ['city', /^(current )?city$|^ciudad$|^ville$|^localidad$|^town$/],
  ['location', /\blocation\b|where are you (based|located)|ubicacion|localizacion|lugar de residencia|localisation|lieu de residence|^residence$/],
  ['website', /website|portfolio|personal (site|page|url)|^(other )?url$|sitio web|pagina web|portafolio|site web|site internet|page personnelle/],
];

const resumePattern = /resume|\bcv\b|curriculum|hoja de vida/;
const coverLetterPattern = /cover ?letter|motivation letter|letter of motivation|carta de presentacion|carta de motivacion|lettre de motivation|lettre de presentation/;

export const MAX_PROFILE_LABEL = 60;

export function sensitiveTopicOf(text: string): SensitiveTopic | undefined {
  return sensitivePatterns.find(([, pattern]) => pattern.test(text))?.[0];
}

export function profileFieldOf(text: string): ProfileField | undefined {
  if (!text || text.length > MAX_PROFILE_LABEL) return undefined;
  // "Preferred first name" is the user's choice, not their first name: an answer-bank question.
  if (/preferred|nickname|prefere|preferido/.test(text)) return undefined;
  return profilePatterns.find(([, pattern]) => pattern.test(text))?.[0];
}

export function documentKindOf(text: string): 'resume' | 'coverLetter' | undefined {
  if (coverLetterPattern.test(text)) return 'coverLetter';
  if (resumePattern.test(text)) return 'resume';
  return undefined;
}

/** HTML autocomplete tokens (the last detail token names the field). */
const autocompleteFields: Record<string, ProfileField> = {
  name: 'fullName',
  'given-name': 'firstName',
  'family-name': 'lastName',
  email: 'email',
  tel: 'phone',
  'tel-national': 'phone',
  'address-level2': 'city',
  organization: 'currentCompany',
  'organization-title': 'currentTitle',
  url: 'website',
};

export function autocompleteFieldOf(value: string | null): ProfileField | undefined {
  const tokens = (value ?? '').toLowerCase().trim().split(/\s+/);
  const field = tokens.at(-1);
  return field ? autocompleteFields[field] : undefined;
}
