import type { WorkKind } from '../model';
import { fold } from './text';

/**
 * Word lists the parser uses, in English, Spanish, French and German. All entries are folded
 * (lowercase, no accents, `&` → `and`) and matched against folded text.
 */

export type SectionType =
  | 'summary'
  | 'work'
  | 'education'
  | 'skills'
  | 'projects'
  | 'certificates'
  | 'languages'
  | 'awards'
  | 'volunteer'
  | 'publications'
  | 'interests'
  | 'references'
  | 'contact'
  | 'personal'
  | 'other';

export interface HeadingMatch {
  type: SectionType;
  kind?: WorkKind;
}

const headingTable: [HeadingMatch, string[]][] = [
  [
    { type: 'summary' },
    [
      'summary', 'professional summary', 'career summary', 'executive summary', 'profile', 'professional profile',
      'personal profile', 'about', 'about me', 'objective', 'career objective', 'professional objective', 'overview',
      'personal statement', 'introduction', 'bio', 'qualifications summary', 'summary of qualifications',
      'resumen', 'resumen profesional', 'perfil', 'perfil profesional', 'sobre mi', 'acerca de mi', 'objetivo',
      'objetivo profesional', 'extracto', 'presentacion',
      'profil', 'profil professionnel', 'a propos', 'a propos de moi', 'objectif', 'objectif professionnel', 'resume',
      'zusammenfassung', 'kurzprofil', 'uber mich', 'berufliches profil', 'personliches profil', 'profil und ziele',
    ],
  ],
  [
    { type: 'work', kind: 'job' },
    [
      'experience', 'experiences', 'work experience', 'professional experience', 'relevant experience', 'employment',
      'employment history', 'work history', 'career history', 'career', 'professional background', 'industry experience',
      'positions', 'positions held', 'professional history', 'work', 'experience summary', 'professional career',
      'experiencia', 'experiencia laboral', 'experiencia profesional', 'historial laboral', 'trayectoria profesional',
      'trayectoria laboral', 'empleo', 'experiencia de trabajo',
      'experience professionnelle', 'experiences professionnelles', 'parcours professionnel', 'emplois', 'carriere',
      'berufserfahrung', 'berufliche erfahrung', 'beruflicher werdegang', 'werdegang', 'berufspraxis', 'erfahrung',
      'praxiserfahrung', 'arbeitserfahrung', 'berufliche stationen', 'berufliche laufbahn',
    ],
  ],
  [
    { type: 'work', kind: 'research' },
    [
      'research', 'research experience', 'research positions', 'academic experience', 'academic positions',
      'research and academic experience', 'research projects and experience',
      'investigacion', 'experiencia en investigacion', 'experiencia investigadora',
      'recherche', 'experience de recherche', 'experiences de recherche',
      'forschung', 'forschungserfahrung', 'wissenschaftliche erfahrung',
    ],
  ],
  [
    { type: 'work', kind: 'internship' },
    [
      'internships', 'internship', 'internship experience', 'internships and training',
      'practicas', 'practicas profesionales', 'pasantias', 'experiencia de practicas',
      'stages', 'stage', 'experience de stage',
      'praktika', 'praktikum', 'praktische erfahrung',
    ],
  ],
  [
    { type: 'work', kind: 'teaching' },
    [
      'teaching', 'teaching experience', 'docencia', 'experiencia docente', 'enseignement', "experience d'enseignement",
      'lehre', 'lehrerfahrung', 'lehrtatigkeit',
    ],
  ],
  [
    { type: 'education' },
    [
      'education', 'academic background', 'education and training', 'academic qualifications', 'studies', 'academics',
      'educational background', 'education history', 'academic history', 'qualifications', 'degrees',
      'educacion', 'formacion', 'formacion academica', 'estudios', 'educacion y formacion', 'titulacion',
      'formation', 'formations', 'parcours academique', 'etudes', 'diplomes', 'cursus', 'formation academique',
      'ausbildung', 'bildung', 'bildungsweg', 'studium', 'akademischer werdegang', 'schulbildung', 'schulische ausbildung',
    ],
  ],
  [
    { type: 'skills' },
    [
      'skills', 'technical skills', 'core skills', 'key skills', 'competencies', 'core competencies', 'expertise',
      'technologies', 'tech stack', 'tools', 'skills and tools', 'areas of expertise', 'abilities', 'strengths',
      'technical proficiencies', 'proficiencies', 'skill set', 'skillset', 'technical expertise', 'it skills',
      'computer skills', 'software skills', 'professional skills', 'technical competencies',
      'habilidades', 'aptitudes', 'competencias', 'conocimientos', 'habilidades tecnicas', 'conocimientos tecnicos',
      'destrezas', 'competencias tecnicas', 'herramientas',
      'competences', 'competences techniques', 'savoir-faire', 'connaissances', 'outils', 'competences cles',
      'kenntnisse', 'fahigkeiten', 'kompetenzen', 'fachkenntnisse', 'it-kenntnisse', 'technische kenntnisse',
      'edv-kenntnisse', 'fachliche kompetenzen',
    ],
  ],
  [
    { type: 'projects' },
    [
      'projects', 'personal projects', 'academic projects', 'key projects', 'side projects', 'open source',
      'open source projects', 'open-source projects', 'project experience', 'technical projects',
      'proyectos', 'proyectos personales', 'projets', 'projets personnels', 'projekte', 'projekterfahrung',
    ],
  ],
  [
    { type: 'certificates' },
    [
      'certifications', 'certificates', 'licenses and certifications', 'licenses', 'courses', 'training',
      'certification', 'certificate', 'courses and certifications', 'certifications and training',
      'certificaciones', 'certificados', 'cursos', 'cursos y certificaciones',
      'certificats', 'formations complementaires',
      'zertifikate', 'zertifizierungen', 'weiterbildung', 'weiterbildungen', 'fortbildungen', 'kurse',
    ],
  ],
  [
    { type: 'languages' },
    [
      'languages', 'language skills', 'spoken languages', 'language', 'idiomas', 'lenguas', 'idioma', 'langues',
      'competences linguistiques', 'sprachen', 'sprachkenntnisse',
    ],
  ],
  [
    { type: 'awards' },
    [
      'awards', 'honors', 'honours', 'honors and awards', 'awards and honors', 'awards and honours', 'achievements',
      'accomplishments', 'fellowships', 'scholarships', 'distinctions', 'fellowships and recognitions', 'recognition',
      'recognitions', 'awards and achievements', 'honors and achievements', 'achievements and awards',
      'premios', 'logros', 'reconocimientos', 'distinciones', 'becas', 'premios y reconocimientos',
      'prix', 'recompenses', 'bourses', 'prix et distinctions',
      'auszeichnungen', 'preise', 'stipendien', 'erfolge',
    ],
  ],
  [
    { type: 'volunteer' },
    [
      'volunteer', 'volunteering', 'volunteer experience', 'volunteer work', 'community service',
      'community involvement', 'extracurricular activities', 'extracurricular activity', 'extracurriculars',
      'activities', 'leadership', 'leadership and activities', 'leadership experience', 'activities and leadership',
      'voluntariado', 'actividades', 'actividades extracurriculares', 'voluntario',
      'benevolat', 'activites', 'activites extra-professionnelles', 'engagement associatif', 'vie associative',
      'ehrenamt', 'ehrenamtliches engagement', 'engagement', 'aktivitaten', 'soziales engagement',
    ],
  ],
  [
    { type: 'publications' },
    [
      'publications', 'papers', 'research papers', 'journal articles', 'conference papers', 'publications and talks',
      'publicaciones', 'articulos', 'publikationen', 'veroffentlichungen',
    ],
  ],
  [
    { type: 'interests' },
    [
      'interests', 'hobbies', 'hobbies and interests', 'interests and hobbies', 'personal interests', 'hobby',
      'intereses', 'aficiones', 'pasatiempos', "centres d'interet", "centres d'interets", 'loisirs', 'interets',
      'interessen', 'hobbys', 'freizeit', 'freizeitaktivitaten',
    ],
  ],
  [{ type: 'references' }, ['references', 'referees', 'referencias', 'referenzen']],
  [
    { type: 'contact' },
    [
      'contact', 'contact details', 'contact information', 'contacts', 'contact info', 'get in touch', 'links',
      'online profiles', 'profiles', 'social', 'enlaces', 'liens',
      'contacto', 'datos de contacto', 'coordonnees', 'kontakt', 'kontaktdaten',
    ],
  ],
  [
    { type: 'personal' },
    [
      'personal information', 'personal details', 'personal data', 'personal info', 'datos personales',
      'informacion personal', 'informations personnelles', 'etat civil', 'personliche daten', 'personliche angaben',
      'personliches', 'zur person',
    ],
  ],
  [
    { type: 'other' },
    [
      'additional information', 'other', 'miscellaneous', 'informacion adicional', 'otros', 'informations complementaires',
      'divers', 'sonstiges', 'weitere informationen', 'patents', 'talks', 'invited talks', 'presentations',
      'conferences', 'workshops', 'memberships', 'affiliations', 'professional memberships',
    ],
  ],
];

const headingMap = new Map<string, HeadingMatch>();
for (const [match, phrases] of headingTable) for (const p of phrases) headingMap.set(p, match);

/** Adjectives that do not change a heading's meaning ("Selected Publications", "Relevant Projects"). */
const headingPrefixes = /^(?:selected|relevant|key|other|additional|recent|notable|main|major|technical|professional|my|mis|mes|meine)\s+/;

/** Section nouns that name the section even after other words ("Programming Skills"). */
const lastWordHeadings = new Set([
  'skills', 'experience', 'projects', 'publications', 'certifications', 'awards', 'honors', 'languages', 'interests',
  'education', 'habilidades', 'proyectos', 'publicaciones', 'idiomas', 'competences', 'projets', 'langues',
  'kenntnisse', 'projekte', 'sprachen', 'berufserfahrung',
]);

/** Fold a heading for lookup: accents, case, trailing colon and decoration gone. */
export function foldHeading(value: string): string {
  return fold(value)
    .replace(/[:：.•|_=*#]+$/g, '')
    .replace(/^[•|_=*#\s]+/g, '')
    .replace(/\s*\/\s*/g, ' and ')
    .replace(/[^\p{L}\p{N}' -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The section a heading names, if it is one we know (en/es/fr/de). */
export function matchHeading(value: string): HeadingMatch | undefined {
  const h = foldHeading(value);
  if (!h || h.length > 60 || h.split(' ').length > 6) return undefined;
  const direct = headingMap.get(h) ?? headingMap.get(h.replace(headingPrefixes, ''));
  if (direct) return direct;
  // "Skills and Awards", "Education & Certifications": every part is a heading; the first decides.
  const parts = h.split(/ and | y | et | und |, /);
  if (parts.length >= 2) {
    const matches = parts.map((p) => headingMap.get(p) ?? headingMap.get(p.replace(headingPrefixes, '')));
    if (matches.every(Boolean)) return matches[0];
  }
  // "Programming Skills", "Selected Publications": a short heading ending in a section noun.
  const tokens = h.split(' ');
  const last = tokens[tokens.length - 1]!;
  if (tokens.length <= 3 && lastWordHeadings.has(last)) return headingMap.get(last);
  return undefined;
}

/** Tokens that make a phrase a job title (stems; matched as whole folded words or word suffixes for German). */
const titleWords = new Set(
  `engineer engineers developer developers programmer manager director lead head chief officer president vice vp founder
  cofounder co-founder owner partner consultant analyst scientist researcher assistant associate intern internship
  trainee apprentice specialist architect administrator designer writer editor author tester technician coordinator
  executive representative advisor adviser fellow postdoc post-doctoral postdoctoral professor lecturer teacher
  instructor tutor student member staff contractor freelance freelancer cto ceo cfo coo cio cso cpo sre devops
  accountant auditor nurse physician lawyer attorney clerk operator agent marketer recruiter strategist planner
  producer supervisor mentor volunteer ambassador organizer maintainer contributor creator reporter principal
  sde swe mts owner-operator headmaster counsel paralegal pharmacist therapist chemist biologist physicist
  economist statistician mathematician journalist translator interpreter photographer artist musician chef cook
  driver mechanic electrician welder carpenter cashier receptionist secretary officer sergeant captain lieutenant
  ingeniero ingeniera desarrollador desarrolladora programador programadora gerente directora jefe jefa consultor
  consultora analista cientifico cientifica investigador investigadora asistente practicante becario becaria
  pasante especialista arquitecto arquitecta administrador administradora disenador disenadora coordinador
  coordinadora tecnico tecnica profesor profesora docente auxiliar estudiante miembro voluntario voluntaria lider
  responsable encargado encargada ayudante
  ingenieur ingenieure developpeur developpeuse chef directeur directrice consultante analyste chercheur
  chercheuse assistante stagiaire alternant alternante specialiste architecte administrateur administratrice
  concepteur conceptrice enseignant enseignante professeure charge chargee gestionnaire doctorant doctorante
  entwickler entwicklerin leiter leiterin berater beraterin wissenschaftler wissenschaftlerin mitarbeiter
  mitarbeiterin werkstudent werkstudentin praktikant praktikantin referent referentin sachbearbeiter
  sachbearbeiterin geschaftsfuhrer geschaftsfuhrerin gesellschafter architekt architektin techniker technikerin
  lehrer lehrerin dozent dozentin doktorand doktorandin assistent assistentin projektleiter teamleiter
  auszubildender`
    .split(/\s+/)
    .filter(Boolean),
);

/** German compounds end in a title word ("Softwareentwickler", "Projektleiterin"). */
const germanTitleSuffix = /(entwickler|ingenieur|leiter|berater|manager|referent|architekt|techniker|assistent|praktikant|werkstudent|mitarbeiter|wissenschaftler)(in)?$/;

const seniorityWords = new Set(['senior', 'junior', 'sr', 'jr', 'staff', 'principal', 'lead', 'head', 'chief', 'intern']);

/** How much a phrase reads like a job title (0 = not at all). */
export function titleScore(value: string): number {
  const tokens = fold(value).split(/[^a-z0-9+-]+/).filter(Boolean);
  if (tokens.length === 0) return 0;
  let score = 0;
  tokens.forEach((t, i) => {
    const base = t.replace(/^-+|-+$/g, '');
    if (titleWords.has(base) || germanTitleSuffix.test(base)) score += i === tokens.length - 1 ? 2 : 1.5;
    else if (seniorityWords.has(base)) score += 0.5;
  });
  return score;
}

/** Legal forms make a phrase an employer wherever they appear. */
const legalForm =
  /(?:^|[\s,(])(?:(?:inc|incorporated|corp|corporation|company|ltd|limited|llc|llp|plc|gmbh|ag|s\.a|s\.l|sas|sarl|srl|spa|bv|nv|pty|pvt|a\/s|k\.k)\.?|co\.)(?=$|[\s,.)])/;
/** Organisation nouns count only as the last word ("Microsoft Research", but not "Research Intern"). */
const orgNoun =
  /(?:^|\s)(group|holdings|technologies|technology|labs?|solutions|systems|software|consulting|partners|bank|agency|studios?|foundation|association|hospital|klinikum|universitatsklinikum|ministry|command|government|university|institute|college|school|research|ventures|capital|networks|media|games|services|industries|enterprises|electronics|motors|pharma|clinic|laboratory|laboratories|center|centre|council|society|department|ai|inc)$/;

/** How much a phrase reads like an organisation name (0 = no cue). */
export function companyScore(value: string): number {
  const f = fold(value);
  let score = 0;
  if (legalForm.test(f)) score += 2;
  const core = f.replace(/\s*\(.*$/, '').replace(/[^a-z0-9\s&.-]+$/, '').trim();
  if (orgNoun.test(core)) score += 1.5;
  return score;
}

/** Degree words: a phrase with one of these names a qualification, not a school. */
const degreeWords =
  /(?:^|[^\p{L}])(bachelor'?s?|masters?'?|master'?s|doctorate|doctoral|doctor|associate'?s|diploma|diplom|degree|licenciatura|licenciado|licence|grado|graduado|maestria|magister|doctorado|ingenieria|tecnico superior|bachillerato|abitur|baccalaureat|staatsexamen|promotion|gcse|a-levels|high school|certificate|certificat|specialization|specialisation|major|minor|concentration|thesis|student|students|estudiante|etudiant|etudiante|studierende|coursework)(?=$|[^\p{L}])/u;
/** Degree abbreviations, matched case-sensitively so "be", "me" and "ms" in prose do not count. */
const degreeAbbreviations =
  /(?:^|[^\p{L}])(B\.?A|B\.?S|M\.?S|M\.?A|B\.?E|M\.?E|M\.?D|J\.?D|B\.?Sc|M\.?Sc|BSc|MSc|MBA|M\.B\.A|Ph\.?\s?D|PHD|DPhil|D\.?Sc|B\.?Tech|M\.?Tech|B\.?TECH|M\.?TECH|B\.?Eng|M\.?Eng|BEng|MEng|LL\.?B|LL\.?M|HND|BTS|DUT|BAC|M\.?Phil|MPhil|A\.?A|A\.?S)(?=$|[^\p{L}])/u;

export function isDegreeLike(value: string): boolean {
  return degreeWords.test(fold(value)) || degreeAbbreviations.test(value);
}

/** Words that name a school (folded), and well-known acronyms (case-sensitive). */
const schoolWords =
  /(?:^|[^\p{L}])(university|universidad|universidade|universite|universitat|universita|univ\.|institute|institut|instituto|istituto|college|colegio|ecole|school|escuela|hochschule|fachhochschule|academy|academie|akademie|polytechnic|politecnico|polytechnique|seminary|gymnasium|lycee|liceo|conservatory|conservatoire|caltech)(?=$|[^\p{L}])/u;
const schoolAcronyms = /(?:^|[^\p{L}])(MIT|IIT|IIIT|NIT|ETH|EPFL|UCLA|USC|NYU|CMU|KAIST|POSTECH|UC|UCL|LSE|KTH|TUM|RWTH|UNAM|UBA|CalTech|Caltech)(?=$|[^\p{L}])/u;

export function isSchoolLike(value: string): boolean {
  return schoolWords.test(fold(value)) || schoolAcronyms.test(value);
}

/** Fields of study that often stand alone next to a degree ("Computer Science"). */
const areaPattern =
  /(?:^|\s)(science|sciences|engineering|studies|arts|mathematics|maths|physics|biology|chemistry|economics|business|administration|management|informatics|computing|computer|finance|law|medicine|psychology|design|marketing|accounting|statistics|history|philosophy|literature|education|nursing|architecture|ingenieria|informatica|ciencias|administracion|derecho|economia|informatique|gestion|droit|wirtschaft|informatik)(?=$|\s)/;

export function isAreaLike(value: string): boolean {
  return areaPattern.test(fold(value));
}

const usStates =
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC ON QC BC AB NSW VIC QLD'.split(
    ' ',
  );

const countries = `afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina burundi
cambodia cameroon canada chad chile china colombia comoros congo costa rica croatia cuba cyprus czechia czech republic
denmark djibouti dominica dominican republic ecuador egypt el salvador estonia eswatini ethiopia fiji finland france gabon
gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hong kong hungary iceland india
indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea south korea s.korea s korea
republic of korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
madagascar malawi malaysia maldives mali malta mauritania mauritius mexico moldova monaco mongolia montenegro morocco
mozambique myanmar namibia nepal netherlands the netherlands new zealand nicaragua niger nigeria north macedonia norway
oman pakistan palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda saudi arabia
senegal serbia singapore slovakia slovenia somalia south africa spain sri lanka sudan suriname sweden switzerland syria
taiwan tajikistan tanzania thailand togo tunisia turkey turkiye uganda ukraine united arab emirates uae united kingdom uk
u.k. england scotland wales northern ireland great britain united states usa u.s.a u.s.a. us u.s. america uruguay
uzbekistan venezuela vietnam viet nam yemen zambia zimbabwe
espana alemania francia italia reino unido estados unidos mexico peru brasil suiza suecia paises bajos belgica
espagne allemagne angleterre etats-unis italie suisse belgique pays-bas royaume-uni bresil
deutschland frankreich spanien italien schweiz osterreich niederlande vereinigtes konigreich vereinigte staaten
remote hybrid online worldwide anywhere remoto teletrabajo teletravail a distance`
  .split('\n')
  .join(' ');

const countrySet = new Set<string>();
{
  // Multi-word names are listed with spaces; register every name by scanning the known list of phrases.
  const phrases = [
    'costa rica', 'czech republic', 'dominican republic', 'el salvador', 'hong kong', 'south korea', 's.korea', 's korea',
    'republic of korea', 'new zealand', 'north macedonia', 'saudi arabia', 'south africa', 'sri lanka', 'the netherlands',
    'united arab emirates', 'united kingdom', 'northern ireland', 'great britain', 'united states', 'viet nam',
    'reino unido', 'estados unidos', 'paises bajos', 'vereinigtes konigreich', 'vereinigte staaten', 'a distance',
  ];
  for (const p of phrases) countrySet.add(p);
  for (const w of countries.split(/\s+/)) if (w) countrySet.add(w);
}

/**
 * Whether a piece of text is only a place: "San Francisco, CA", "Pune, Maharashtra, India", "Remote",
 * "(Münster, Germany)". Every part must read like a place name and one must be a country, a state
 * code or "Remote", so "Master of Science, Stanford University, Stanford, CA" is not a place.
 */
export function isLocationLike(value: string): boolean {
  const v = value.replace(/^[(\s]+|[)\s]+$/g, '').trim();
  if (!v || /@|https?:|www\./i.test(v)) return false;
  const parts = v.split(/\s*(?:,|&|\/|\(|\)|·|\||–|—|\s-\s)\s*/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return false;
  const anchored = parts.some((p, i) => isCountryOrRemote(p) || (i > 0 && usStates.includes(p)));
  return anchored && parts.every(isPlacePart);
}

function isPlacePart(part: string): boolean {
  if (isCountryOrRemote(part) || usStates.includes(part)) return true;
  const w = part.split(/\s+/);
  if (w.length > 4 || /\d{3,}/.test(part.replace(/\b\d{5}\b/, ''))) return false;
  return titleScore(part) === 0 && !isDegreeLike(part) && !isSchoolLike(part) && !legalForm.test(fold(part));
}

export function isCountryOrRemote(value: string): boolean {
  const f = fold(value).replace(/[()]/g, '').trim();
  return countrySet.has(f) || countrySet.has(f.replace(/\.$/, ''));
}

export function isUsState(value: string): boolean {
  return usStates.includes(value.trim());
}

/** Natural languages (to tell "Languages: English, German" from "Languages: Python, C++"). */
const naturalLanguages = new Set(
  `english spanish french german italian portuguese dutch russian chinese mandarin cantonese japanese korean hindi
  arabic bengali urdu punjabi tamil telugu marathi gujarati kannada malayalam turkish persian farsi polish ukrainian
  romanian greek czech swedish norwegian danish finnish hungarian hebrew thai vietnamese indonesian malay tagalog
  filipino swahili catalan basque galician serbian croatian bulgarian slovak slovenian lithuanian latvian estonian
  icelandic irish welsh afrikaans latin esperanto
  ingles espanol castellano frances aleman italiano portugues chino japones coreano ruso arabe catalan
  anglais espagnol allemand italien portugais chinois japonais coreen russe arabe neerlandais
  englisch spanisch franzosisch deutsch italienisch portugiesisch chinesisch japanisch koreanisch russisch`
    .split(/\s+/)
    .filter(Boolean),
);

export function isNaturalLanguage(value: string): boolean {
  const f = fold(value).split(/[\s(:-]/)[0] ?? '';
  return naturalLanguages.has(f);
}

/** Labels in front of a phone number. */
export const phoneLabel =
  /(?:phone|tel(?:e|é)?(?:fono|phone|fon)?|mobile?|cell(?:ular)?|m[oó]vil|celular|portable|handy|mobil|whats ?app|contact no)\s*[.:]?/i;
