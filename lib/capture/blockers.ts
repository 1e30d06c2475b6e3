/**
 * Pages that hold no posting to read: bot checks, login walls, empty shells and job lists. Only asked
 * when neither JSON-LD nor a site adapter found a posting: a real posting page may well embed a
 * reCAPTCHA on its application form or a sign-in link in its header.
 */
import { cleanLine } from './dom';
import type { CaptureErrorCode } from './types';

/** Below this much visible text a page is a shell, an interstitial or a wall, not a posting page. */
const SHORT_PAGE = 3000;
const EMPTY_PAGE = 60;

const CAPTCHA_TITLE =
  /^(just a moment|attention required|security\s*\||access denied|are you (a )?(robot|human)|verify(ing)? (that )?you are (a )?human|one more step|pardon our interruption|captcha|bot check|robot check|human verification|un instant|vérification)/i;
const CAPTCHA_MARKUP =
  '#challenge-form, #cf-challenge-running, .cf-browser-verification, #challenge-running, #px-captcha, #captcha-container, #distilIdentificationBlock, iframe[src*="challenges.cloudflare.com"], iframe[src*="/recaptcha/"], iframe[src*="hcaptcha.com"], .g-recaptcha, .h-captcha, [data-sitekey]';
const CAPTCHA_TEXT =
  /verify(ing)? (that )?you('| a)re (a )?(human|real person|not a robot)|prove you('| a)re (a )?human|complete the security check|unusual traffic from your|confirm you are not a robot|not a robot|vérifier que vous êtes (un humain|une personne)|demuéstranos que eres una persona/i;

const LOGIN_TITLE = /^(sign in|sign up|log in|login|join|connexion|se connecter|iniciar sesión|inicia sesión|anmelden|einloggen|accedi|inloggen)\b/i;
const LOGIN_TEXT =
  /\b(sign|log) in to (view|see|continue|apply|read)|\bsign in to your account|please (sign|log) in|connectez-vous pour|inicia sesión para|melden sie sich an/i;

/** Titles of search and list pages: "15,000+ Python jobs in Italy", "Plus de 19 000 offres d'emploi". */
const LIST_TITLE =
  /(^|\s)\d[\d,.\s\u00A0\u202F]*\+?\s+(?:[\p{L}+#.-]+\s+){0,4}(jobs?|offres?|empleos?|ofertas|stellen(angebote)?|offerte|vacatures|vagas|postings?)\b/iu;

export function pageBlocker(doc: Document, text: string): CaptureErrorCode | undefined {
  const title = cleanLine(doc.title);
  const short = text.length < SHORT_PAGE;
  if (CAPTCHA_TITLE.test(title) && short) return 'captcha';
  if (short && (doc.querySelector(CAPTCHA_MARKUP) || CAPTCHA_TEXT.test(text))) return 'captcha';
  if (short && doc.querySelector('input[type="password"]') && (LOGIN_TITLE.test(title) || LOGIN_TEXT.test(text) || text.length < 1200)) {
    return 'login_required';
  }
  if (short && LOGIN_TITLE.test(title) && LOGIN_TEXT.test(text)) return 'login_required';
  if (text.length < EMPTY_PAGE) return 'empty_page';
  if (LIST_TITLE.test(title)) return 'not_a_job_posting';
  return undefined;
}
