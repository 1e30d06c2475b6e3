import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { StatusLine, type FormStatus } from '@/components/StatusLine';
import { profileItem, type Profile } from '@/lib/storage/items';

export function ProfileSection() {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [links, setLinks] = useState('');
  const [status, setStatus] = useState<FormStatus | null>(null);

  useEffect(() => {
    void profileItem.getValue().then((p) => {
      setProfile(p);
      setLinks(p.links.join('\n'));
    });
  }, []);

  if (!profile) return null;

  async function save() {
    const parsed = profileItem.schema.safeParse({
      ...profile,
      links: links
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    });
    if (!parsed.success) {
      setStatus({ kind: 'error', text: i18n.t('settings.profileInvalid') });
      return;
    }
    await profileItem.setValue(parsed.data);
    setStatus({ kind: 'ok', text: i18n.t('settings.saved') });
  }

  const field = (key: 'name' | 'email' | 'phone' | 'location', label: string, type = 'text') => (
    <label className="jf-field">
      {label}
      <input type={type} value={profile[key]} onChange={(e) => setProfile({ ...profile, [key]: e.target.value })} data-testid={`profile-${key}`} />
    </label>
  );

  return (
    <Card title={i18n.t('settings.profileSection')} testId="profile-section">
      <p className="jf-muted">{i18n.t('settings.profileHint')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {field('name', i18n.t('settings.profileName'))}
        {field('email', i18n.t('settings.profileEmail'), 'email')}
        {field('phone', i18n.t('settings.profilePhone'), 'tel')}
        {field('location', i18n.t('settings.profileLocation'))}
        <label className="jf-field">
          {i18n.t('settings.profileLinks')}
          <textarea rows={3} value={links} onChange={(e) => setLinks(e.target.value)} data-testid="profile-links" />
        </label>
        <button className="jf-button" type="submit" data-testid="profile-save">
          {i18n.t('settings.profileSave')}
        </button>
      </form>
      <StatusLine status={status} />
    </Card>
  );
}
