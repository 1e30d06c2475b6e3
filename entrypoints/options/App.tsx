import { i18n } from '#i18n';
import { SettingsView } from '../sidepanel/views/SettingsView';

/** The browser's options page: the same Settings view as the panel's cog, on a page of its own. */
export function App() {
  return (
    <div className="jf-page">
      <h1>{i18n.t('settings.title')}</h1>
      <main className="jf-main">
        <SettingsView />
      </main>
    </div>
  );
}
