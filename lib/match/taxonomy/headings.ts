/**
 * Section headings of postings and CVs in English, Spanish, French and German. Compared after folding
 * (lower case, no accents), so write them in any case with their accents.
 */
import type { SectionKind } from '../types';

export type HeadingAudience = 'posting' | 'cv';

interface HeadingSet {
  kind: SectionKind;
  /** Only in this kind of document ("Profil" is the requirements in a posting, the summary in a CV). */
  audience?: HeadingAudience;
  phrases: string[];
}

export const SECTION_HEADINGS: HeadingSet[] = [
  {
    kind: 'nice_to_have',
    phrases: [
      'nice to have', 'nice-to-have', 'nice to haves', 'bonus', 'bonus points', 'pluses', 'plus', 'preferred',
      'preferred qualifications', 'preferred skills', 'preferred experience', 'desired skills', 'desirable',
      'it would be great if', 'even better if', 'extra credit', 'ideally you also have',
      'deseable', 'deseables', 'requisitos deseables', 'se valorará', 'valorable', 'valoraremos', 'será un plus',
      'un plus', 'atouts', 'les plus', 'serait un plus', 'compétences appréciées', 'souhaité', 'souhaitées',
      'wünschenswert', 'von vorteil', 'pluspunkte', 'das wäre toll', 'idealerweise',
    ],
  },
  {
    kind: 'requirements',
    audience: 'posting',
    phrases: [
      'requirements', 'qualifications', 'minimum qualifications', 'basic qualifications', 'required qualifications',
      'required skills', 'requirements and qualifications', 'skills and experience', 'skills & experience',
      'what you bring', 'what you will bring', "what you'll bring", 'what we are looking for',
      "what we're looking for", 'what you need', 'who you are', 'your profile', 'profile', 'about you',
      'you have', 'you are', 'must have', 'must-haves', 'must haves', 'your skills', 'experience required',
      'requisitos', 'requisitos mínimos', 'requisitos imprescindibles', 'perfil', 'perfil buscado', 'tu perfil',
      'qué buscamos', 'lo que buscamos', 'buscamos', 'qué necesitas', 'imprescindible',
      'profil', 'profil recherché', 'votre profil', 'ton profil', 'compétences requises', 'ce que nous recherchons',
      'prérequis', 'qualifications requises', 'exigences',
      'anforderungen', 'dein profil', 'ihr profil', 'was du mitbringst', 'was sie mitbringen', 'voraussetzungen',
      'qualifikationen', 'das bringst du mit', 'das bringen sie mit', 'anforderungsprofil',
    ],
  },
  {
    kind: 'responsibilities',
    audience: 'posting',
    phrases: [
      'responsibilities', 'key responsibilities', 'your responsibilities', 'what you will do', "what you'll do",
      'the role', 'your role', 'about the role', 'role', 'your tasks', 'tasks', 'duties', 'the job', 'your mission',
      'responsabilidades', 'funciones', 'tus funciones', 'qué harás', 'tu rol', 'tareas',
      'missions', 'vos missions', 'tes missions', 'responsabilités', 'votre rôle', 'le poste', 'description du poste',
      'aufgaben', 'deine aufgaben', 'ihre aufgaben', 'das erwartet dich', 'das erwartet sie', 'deine rolle',
    ],
  },
  {
    kind: 'benefits',
    audience: 'posting',
    phrases: [
      'benefits', 'perks', 'what we offer', 'we offer', 'why join us', 'compensation', 'perks and benefits',
      'beneficios', 'ofrecemos', 'qué ofrecemos', 'lo que ofrecemos',
      'avantages', 'nous offrons', 'ce que nous offrons', 'pourquoi nous rejoindre',
      'wir bieten', 'was wir bieten', 'benefits', 'das bieten wir', 'unser angebot',
    ],
  },
  {
    kind: 'about',
    audience: 'posting',
    phrases: [
      'about us', 'about the company', 'who we are', 'company', 'about', 'our company', 'the company',
      'sobre nosotros', 'quiénes somos', 'la empresa', 'à propos', 'qui sommes-nous', "l'entreprise",
      'über uns', 'wer wir sind', 'das unternehmen',
    ],
  },
  {
    kind: 'summary',
    audience: 'cv',
    phrases: [
      'summary', 'profile', 'professional summary', 'professional profile', 'about me', 'objective',
      'career objective', 'personal statement',
      'resumen', 'perfil', 'perfil profesional', 'sobre mí', 'extracto', 'objetivo profesional',
      'résumé', 'profil', 'profil professionnel', 'à propos de moi', 'objectif professionnel',
      'zusammenfassung', 'kurzprofil', 'über mich', 'profil',
    ],
  },
  {
    kind: 'experience',
    phrases: [
      'experience', 'work experience', 'professional experience', 'employment', 'employment history',
      'work history', 'career history', 'relevant experience',
      'experiencia', 'experiencia laboral', 'experiencia profesional', 'trayectoria profesional',
      'expérience', 'expériences', 'expérience professionnelle', 'expériences professionnelles', 'parcours professionnel',
      'berufserfahrung', 'erfahrung', 'beruflicher werdegang', 'werdegang', 'praxiserfahrung',
    ],
  },
  {
    kind: 'education',
    phrases: [
      'education', 'academic background', 'education and training', 'academic qualifications',
      'educación', 'formación', 'formación académica', 'estudios', 'educación y formación',
      'formation', 'formations', 'éducation', 'diplômes', 'parcours académique', 'études',
      'ausbildung', 'bildung', 'bildungsweg', 'studium', 'akademischer werdegang', 'schulbildung',
    ],
  },
  {
    kind: 'skills',
    phrases: [
      'skills', 'technical skills', 'core competencies', 'competencies', 'key skills', 'technologies', 'tech stack',
      'our stack', 'tools', 'skills and tools', 'expertise',
      'habilidades', 'competencias', 'conocimientos', 'aptitudes', 'conocimientos técnicos', 'tecnologías',
      'compétences', 'compétences techniques', 'savoir-faire', 'technologies utilisées',
      'kenntnisse', 'fähigkeiten', 'kompetenzen', 'it-kenntnisse', 'fachkenntnisse', 'technologien',
    ],
  },
  { kind: 'projects', phrases: ['projects', 'selected projects', 'proyectos', 'projets', 'projekte'] },
  {
    kind: 'certifications',
    phrases: [
      'certifications', 'certificates', 'licenses', 'licenses and certifications', 'licenses & certifications',
      'certificaciones', 'certificados', 'certificats', 'zertifikate', 'zertifizierungen',
    ],
  },
  { kind: 'languages', phrases: ['languages', 'idiomas', 'langues', 'sprachen', 'sprachkenntnisse'] },
  {
    kind: 'contact',
    phrases: ['contact', 'contact information', 'contact details', 'contacto', 'datos de contacto', 'coordonnées', 'kontakt', 'kontaktdaten'],
  },
  {
    kind: 'interests',
    phrases: ['interests', 'hobbies', 'intereses', 'aficiones', "centres d'intérêt", 'loisirs', 'interessen', 'hobbys'],
  },
  { kind: 'references', phrases: ['references', 'referencias', 'références', 'referenzen'] },
];
