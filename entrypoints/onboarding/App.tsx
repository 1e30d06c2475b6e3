import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { routeHash, type Route } from '@/lib/panel/route';
import { PrivacyCard } from '../sidepanel/views/settings/PrivacyCard';

const appUrl = (route: Route) => browser.runtime.getURL(`/app.html${routeHash(route)}`);

const steps = (): { route: Route; testId: string; label: string; hint: string }[] => [
  { route: 'cv', testId: 'onboarding-cv', label: i18n.t('onboarding.stepCv'), hint: i18n.t('onboarding.stepCvHint') },
  { route: 'settings', testId: 'onboarding-profile', label: i18n.t('onboarding.stepProfile'), hint: i18n.t('onboarding.stepProfileHint') },
  { route: 'settings', testId: 'onboarding-key', label: i18n.t('onboarding.stepKey'), hint: i18n.t('onboarding.stepKeyHint') },
];

/** Shown once after install: what Jobfit does, the three set-up steps, and privacy in plain words. */
export function App() {
  return (
    <div className="jf-page jf-onboarding">
      <header>
        <h1>{i18n.t('onboarding.title')}</h1>
        <p className="jf-lead">{i18n.t('onboarding.lead')}</p>
      </header>
      <main className="jf-main">
        <Card title={i18n.t('onboarding.whatTitle')} testId="onboarding-what">
          <ol className="jf-list">
            <li>{i18n.t('onboarding.whatCapture')}</li>
            <li>{i18n.t('onboarding.whatAnalyse')}</li>
            <li>{i18n.t('onboarding.whatTrack')}</li>
            <li>{i18n.t('onboarding.whatApply')}</li>
          </ol>
        </Card>
        <Card title={i18n.t('onboarding.stepsTitle')} testId="onboarding-steps">
          <ol className="jf-list">
            {steps().map((step) => (
              <li key={step.testId}>
                <a href={appUrl(step.route)} data-testid={step.testId}>
                  {step.label}
                </a>{' '}
                <span className="jf-muted">{step.hint}</span>
              </li>
            ))}
          </ol>
          <p>{i18n.t('onboarding.start')}</p>
        </Card>
        <PrivacyCard testId="onboarding-privacy" />
      </main>
    </div>
  );
}
