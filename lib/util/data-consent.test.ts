import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createLlmHandlers } from '../llm/setup';
import type { LlmService } from '../llm/service';
import { confirmSend } from '../panel/use-feature-run';
import { AI_DATA_COLLECTION, createDataConsent, requireDataConsent } from './data-consent';
import { AppError } from './errors';
import { errorMessage } from './i18n-errors';

const WANTED = { data_collection: ['websiteContent', 'personallyIdentifyingInfo'] };

function firefoxPermissions(granted: boolean, answer: boolean | Error = true) {
  return {
    contains: vi.fn(async () => granted),
    request: vi.fn(async () => {
      if (answer instanceof Error) throw answer;
      return answer;
    }),
  };
}

describe('createDataConsent', () => {
  it('asks for exactly the optional data collection the Firefox manifest declares', () => {
    expect(AI_DATA_COLLECTION).toEqual(WANTED.data_collection);
  });

  it('in Chrome: granted without asking anything', async () => {
    const permissions = firefoxPermissions(false, false);
    const consent = createDataConsent(false, permissions);
    expect(await consent.granted()).toBe(true);
    expect(await consent.request()).toBe(true);
    expect(permissions.contains).not.toHaveBeenCalled();
    expect(permissions.request).not.toHaveBeenCalled();
  });

  it.each([true, false])('in Firefox: granted() is permissions.contains (%s)', async (granted) => {
    const permissions = firefoxPermissions(granted);
    expect(await createDataConsent(true, permissions).granted()).toBe(granted);
    expect(permissions.contains).toHaveBeenCalledWith(WANTED);
  });

  it.each([true, false])('in Firefox: request() is permissions.request (answer %s)', async (answer) => {
    const permissions = firefoxPermissions(false, answer);
    expect(await createDataConsent(true, permissions).request()).toBe(answer);
    expect(permissions.request).toHaveBeenCalledWith(WANTED);
  });

  it('in Firefox: a failing permissions call counts as not granted', async () => {
    const permissions = { contains: vi.fn(async () => Promise.reject(new Error('no'))), request: vi.fn(async () => Promise.reject(new Error('not from a user action'))) };
    const consent = createDataConsent(true, permissions);
    expect(await consent.granted()).toBe(false);
    expect(await consent.request()).toBe(false);
  });

  it('requireDataConsent refuses with a specific code', async () => {
    await expect(requireDataConsent(createDataConsent(true, firefoxPermissions(false)))).rejects.toMatchObject({ code: 'data_consent_refused' });
    await expect(requireDataConsent(createDataConsent(true, firefoxPermissions(true)))).resolves.toBeUndefined();
    await expect(requireDataConsent(createDataConsent(false, firefoxPermissions(false)))).resolves.toBeUndefined();
  });

  it('the refusal has its own message in every locale, and the dialog its note', () => {
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name: string) => `<${name}>`);
    expect(errorMessage('data_consent_refused')).toBe('<errors_data_consent_refused>');
    expect(getMessage).toHaveBeenCalledTimes(1);
    for (const locale of ['en', 'es', 'fr']) {
      const text = readFileSync(new URL(`../../locales/${locale}.yml`, import.meta.url), 'utf8');
      const errors = text.split(/^errors:\n/m)[1]?.split(/^\S/m)[0] ?? '';
      expect(errors, locale).toMatch(/^ {2}data_consent_refused: ".{60,}"$/m);
      const section = text.split(/^ffpriv:\n/m)[1] ?? '';
      expect(section, locale).toMatch(/^ {2}dataConsentNote: ".{60,}"$/m);
    }
  });
});

describe("the consent dialog's Send (confirmSend)", () => {
  it('asks Firefox synchronously, inside the click, when the consent is missing', async () => {
    const permissions = firefoxPermissions(false, true);
    const answer = confirmSend(true, createDataConsent(true, permissions));
    // No await yet: the request must already be made (Firefox needs the user gesture).
    expect(permissions.request).toHaveBeenCalledWith(WANTED);
    expect(await answer).toBe(true);
  });

  it('resolves false when the user refuses', async () => {
    expect(await confirmSend(true, createDataConsent(true, firefoxPermissions(false, false)))).toBe(false);
  });

  it('does not ask when the consent is already there (or in Chrome)', async () => {
    const permissions = firefoxPermissions(true);
    expect(await confirmSend(false, createDataConsent(true, permissions))).toBe(true);
    expect(permissions.request).not.toHaveBeenCalled();
  });
});

describe('the worker checks the consent before a run leaves', () => {
  function service() {
    return {
      startRun: vi.fn(async () => ({ runId: 'r1', status: 'running', created: true })),
      resumeRun: vi.fn(async () => ({ runId: 'r1', status: 'running', created: false })),
    } as unknown as LlmService & { startRun: ReturnType<typeof vi.fn>; resumeRun: ReturnType<typeof vi.fn> };
  }
  const input = { requestId: 'q1', feature: 'analysis' as const, messages: [{ role: 'user' as const, content: 'x' }] };

  it('without Firefox consent: startRun and resumeRun refuse and the service is not called', async () => {
    const s = service();
    const handlers = createLlmHandlers(s, createDataConsent(true, firefoxPermissions(false)));
    await expect(handlers.startRun(input, {} as never)).rejects.toEqual(new AppError('data_consent_refused'));
    await expect(handlers.resumeRun({ runId: 'r1', requestId: 'q2' }, {} as never)).rejects.toMatchObject({ code: 'data_consent_refused' });
    expect(s.startRun).not.toHaveBeenCalled();
    expect(s.resumeRun).not.toHaveBeenCalled();
  });

  it('with it (or in Chrome): the run starts', async () => {
    for (const consent of [createDataConsent(true, firefoxPermissions(true)), createDataConsent(false, firefoxPermissions(false))]) {
      const s = service();
      await expect(createLlmHandlers(s, consent).startRun(input, {} as never)).resolves.toMatchObject({ runId: 'r1' });
      expect(s.startRun).toHaveBeenCalledWith(input);
    }
  });
});
