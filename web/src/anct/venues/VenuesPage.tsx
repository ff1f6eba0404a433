import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { label, QUALIFICATION_LABELS } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { attempt, frenchDateTime, type Notice, NoticeArea, useReload } from '../back-office';
import { digits, email, FieldsForm, inseeCode } from '../FieldsForm';

type Qualification = 'pending' | 'qualified' | 'refused' | 'suspended' | 'withdrawn';

/** The venues' applications to qualify (pending by default) or the venues of any status; and a venue created directly by ANCT. */
export function VenuesPage() {
  usePageTitle('Lieux de médiation');
  const [status, setStatus] = useState<Qualification>('pending');
  const [reload, bump] = useReload();
  const [notice, setNotice] = useState<Notice | null>(null);
  const venues = useApiData(async () => {
    const answer = await api.GET('/api/v1/venues', { params: { query: { qualificationStatus: status, limit: 200, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [status, reload]);
  return (
    <div className="fr-container fr-my-6w">
      <h1>Lieux de médiation</h1>
      <Select
        label="Lieux à afficher"
        nativeSelectProps={{ value: status, onChange: (event) => setStatus(event.target.value as Qualification) }}
      >
        {Object.entries(QUALIFICATION_LABELS).map(([value, text]) => (
          <option key={value} value={value}>
            {value === 'pending' ? 'Candidatures en attente de qualification' : text}
          </option>
        ))}
      </Select>
      <DataStatus state={venues}>
        {(data) =>
          data.items.length === 0 ? (
            <p>Aucun lieu dans cet état.</p>
          ) : (
            <Table
              caption={`Lieux : ${label(QUALIFICATION_LABELS, status).toLowerCase()} (${data.total})`}
              headers={['Lieu', 'SIRET', 'Commune', 'Département', 'Statut', 'Depuis le']}
              data={data.items.map((venue) => [
                <Link key={venue.id} to={`/anct/lieux/${venue.id}`}>
                  {venue.name}
                </Link>,
                venue.siret ?? '—',
                venue.city ?? '—',
                venue.departementCode ?? '—',
                label(QUALIFICATION_LABELS, venue.qualificationStatus),
                frenchDateTime(venue.qualificationChangedAt ?? venue.createdAt),
              ])}
            />
          )
        }
      </DataStatus>
      <h2 className="fr-mt-6w">Créer un lieu</h2>
      <p>Le lieu est créé en attente de qualification ; son administrateur reçoit une invitation.</p>
      <NoticeArea notice={notice} />
      <FieldsForm
        submitLabel="Créer le lieu"
        fields={[
          { key: 'name', label: 'Nom du lieu' },
          { key: 'siret', label: 'SIRET', check: digits(14, 'Le SIRET') },
          { key: 'addressLine', label: 'Adresse' },
          { key: 'postalCode', label: 'Code postal', check: digits(5, 'Le code postal') },
          { key: 'city', label: 'Commune' },
          { key: 'communeInseeCode', label: 'Code INSEE de la commune', check: inseeCode },
          { key: 'adminName', label: 'Nom de l’administrateur du lieu' },
          { key: 'adminEmail', label: 'E-mail de l’administrateur du lieu', type: 'email', check: email },
        ]}
        onSubmit={async ({ adminName, adminEmail, siret, ...venue }) => {
          const ok = await attempt(
            () =>
              api.POST('/api/v1/organisations/venues', {
                body: { ...venue, siret: siret.replace(/\s/g, ''), admin: { displayName: adminName, email: adminEmail } } as never,
              }),
            `Lieu créé : une invitation a été envoyée à ${adminEmail}.`,
            setNotice,
          );
          if (ok) bump();
          return ok;
        }}
      />
    </div>
  );
}
