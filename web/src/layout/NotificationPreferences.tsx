import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { useEffect, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api/client';
import type { components } from '../api/schema';
import { DataStatus } from './DataStatus';
import { useApiData } from './useApiData';

type Preference = components['schemas']['NotificationPreferenceDto'];

/** "Mon compte": the e-mails the person receives, among those of their kind of organisation (invitations and resets are always sent). */
export function NotificationPreferences() {
  const loaded = useApiData(async () => {
    const { data, error } = await api.GET('/api/v1/notification-preferences');
    if (!data) throw error ?? new Error('no preferences');
    return data.preferences;
  }, []);
  return (
    <section aria-labelledby="notifications-title" className="fr-mt-6w">
      <h2 id="notifications-title">Notifications par e-mail</h2>
      <DataStatus state={loaded}>{(preferences) => <PreferencesForm initial={preferences} />}</DataStatus>
    </section>
  );
}

function PreferencesForm({ initial }: { initial: Preference[] }) {
  const [preferences, setPreferences] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  useEffect(() => setPreferences(initial), [initial]);

  if (preferences.length === 0) {
    return (
      <p>
        Votre structure ne reçoit pas de notification facultative : seuls les invitations et les liens de mot de passe vous sont envoyés.
      </p>
    );
  }

  const toggle = (kind: Preference['kind'], enabled: boolean) => {
    setOutcome(null);
    setPreferences((current) => current.map((preference) => (preference.kind === kind ? { ...preference, enabled } : preference)));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const { data, error } = await api
      .PUT('/api/v1/notification-preferences', { body: { preferences: preferences.map(({ kind, enabled }) => ({ kind, enabled })) } })
      .catch(() => ({ data: undefined, error: undefined }));
    setSaving(false);
    if (data) {
      setPreferences(data.preferences);
      setOutcome({ ok: true, message: 'Vos choix de notifications sont enregistrés.' });
    } else {
      setOutcome({ ok: false, message: errorMessage(error, 'Vos choix n’ont pas pu être enregistrés. Réessayez dans un instant.') });
    }
  };

  return (
    <form onSubmit={save}>
      <Checkbox
        legend="Les e-mails que je reçois"
        hintText="Décochez ceux que vous ne souhaitez plus recevoir. Les invitations et les liens de mot de passe sont toujours envoyés."
        options={preferences.map((preference) => ({
          label: preference.label,
          nativeInputProps: {
            name: preference.kind,
            checked: preference.enabled,
            onChange: (event) => toggle(preference.kind, event.target.checked),
          },
        }))}
      />
      <div role="status" aria-live="polite" className="fr-mb-2w">
        {outcome?.ok && <Alert severity="success" small description={outcome.message} />}
      </div>
      <div role="alert">
        {outcome && !outcome.ok && <Alert severity="error" small description={outcome.message} className="fr-mb-2w" />}
      </div>
      <Button type="submit" disabled={saving}>
        Enregistrer mes choix
      </Button>
    </form>
  );
}
