import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { label, ORGANISATION_KIND_LABELS } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { FUNDER_KIND_LABELS } from '../anct-labels';
import { attempt, type Notice, NoticeArea, useReload } from '../back-office';
import { digits, email, FieldsForm, inseeCode } from '../FieldsForm';

type Kind = 'funder' | 'prescriber' | 'venue' | 'anct';

/** The organisations of the scheme by kind; funders and prescriber structures created here (venues on their own page). */
export function OrganisationsPage() {
  usePageTitle('Organisations');
  const [kind, setKind] = useState<Kind>('funder');
  const [reload, bump] = useReload();
  const [notice, setNotice] = useState<Notice | null>(null);
  const organisations = useApiData(async () => {
    const answer = await api.GET('/api/v1/organisations', { params: { query: { kind, limit: 200, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [kind, reload]);
  const done = (text: Notice) => {
    setNotice(text);
    if (text.severity === 'success') bump();
  };
  return (
    <div className="fr-container fr-my-6w">
      <h1>Organisations</h1>
      <Select
        label="Organisations à afficher"
        nativeSelectProps={{ value: kind, onChange: (event) => setKind(event.target.value as Kind) }}
      >
        <option value="funder">Financeurs</option>
        <option value="prescriber">Structures prescriptrices</option>
        <option value="venue">Lieux de médiation</option>
        <option value="anct">ANCT</option>
      </Select>
      <DataStatus state={organisations}>
        {(data) =>
          data.items.length === 0 ? (
            <p>Aucune organisation de ce type.</p>
          ) : (
            <Table
              caption={`Organisations : ${label(ORGANISATION_KIND_LABELS, kind).toLowerCase()} (${data.total})`}
              headers={['Nom', 'SIREN / SIRET', 'Commune', 'Département', 'État']}
              data={data.items.map((organisation) => [
                <Link
                  key={organisation.id}
                  to={kind === 'venue' ? `/anct/lieux/${organisation.id}` : `/anct/organisations/${organisation.id}`}
                >
                  {organisation.name}
                </Link>,
                organisation.siren ?? organisation.siret ?? '—',
                organisation.city ?? '—',
                organisation.departementCode ?? '—',
                organisation.active ? 'Active' : 'Désactivée',
              ])}
            />
          )
        }
      </DataStatus>
      <NoticeArea notice={notice} />
      <h2 className="fr-mt-6w">Créer un financeur</h2>
      <FieldsForm
        submitLabel="Créer le financeur"
        fields={[
          { key: 'name', label: 'Nom du financeur' },
          { key: 'siren', label: 'SIREN', check: digits(9, 'Le SIREN') },
          { key: 'funderKind', label: 'Type de collectivité', options: FUNDER_KIND_LABELS },
          {
            key: 'departementCode',
            label: 'Département',
            hint: 'Code du département, par exemple 69 ou 2A.',
            check: (value) => (/^(\d{2,3}|2[AB])$/i.test(value) ? null : 'Un code de département, par exemple 69.'),
          },
          { key: 'adminName', label: 'Nom du gestionnaire' },
          { key: 'adminEmail', label: 'E-mail du gestionnaire', type: 'email', check: email },
        ]}
        onSubmit={({ adminName, adminEmail, siren, funderKind, ...funder }) =>
          attempt(
            () =>
              api.POST('/api/v1/organisations/funders', {
                body: {
                  ...funder,
                  siren: siren.replace(/\s/g, ''),
                  funderKind: funderKind as never,
                  admin: { displayName: adminName, email: adminEmail },
                } as never,
              }),
            `Financeur créé : une invitation a été envoyée à ${adminEmail}.`,
            done,
          )
        }
      />
      <h2 className="fr-mt-6w">Créer une structure prescriptrice</h2>
      <FieldsForm
        submitLabel="Créer la structure"
        fields={[
          { key: 'name', label: 'Nom de la structure' },
          { key: 'siret', label: 'SIRET', check: digits(14, 'Le SIRET') },
          { key: 'communeInseeCode', label: 'Code INSEE de la commune', check: inseeCode },
          { key: 'addressLine', label: 'Adresse', optional: true },
          { key: 'adminName', label: 'Nom de l’agent administrateur' },
          { key: 'adminEmail', label: 'E-mail de l’agent administrateur', type: 'email', check: email },
        ]}
        onSubmit={({ adminName, adminEmail, siret, addressLine, ...prescriber }) =>
          attempt(
            () =>
              api.POST('/api/v1/organisations/prescribers', {
                body: {
                  ...prescriber,
                  siret: siret.replace(/\s/g, ''),
                  addressLine: addressLine || undefined,
                  admin: { displayName: adminName, email: adminEmail },
                } as never,
              }),
            `Structure créée : une invitation a été envoyée à ${adminEmail}.`,
            done,
          )
        }
      />
    </div>
  );
}
