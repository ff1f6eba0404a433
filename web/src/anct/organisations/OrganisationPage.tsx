import { Table } from '@codegouvfr/react-dsfr/Table';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { frenchDate, label, ORGANISATION_KIND_LABELS } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { PeopleTable } from '../../people/PeopleTable';
import { FUNDER_KIND_LABELS } from '../anct-labels';
import { attempt, frenchDateTime, type Notice, NoticeArea, useReload } from '../back-office';
import { email, FieldsForm } from '../FieldsForm';

/**
 * One organisation: what it is, its people (invite one, re-send or cancel a pending invitation, deactivate one), its
 * API keys (revoke one), and its trail in the audit log.
 */
export function OrganisationPage() {
  const { id = '' } = useParams();
  const [reload, bump] = useReload();
  const [notice, setNotice] = useState<Notice | null>(null);
  const organisation = useApiData(async () => {
    const answer = await api.GET('/api/v1/organisations/{id}', { params: { path: { id } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [id]);
  const apiKeys = useApiData(async () => {
    const answer = await api.GET('/api/v1/organisations/{organisationId}/api-keys', {
      params: { path: { organisationId: id }, query: { limit: 100, offset: 0 } },
    });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [id, reload]);
  usePageTitle(organisation.status === 'ready' ? organisation.data.name : 'Organisation');
  const done = (text: Notice) => {
    setNotice(text);
    if (text.severity === 'success') bump();
  };
  return (
    <div className="fr-container fr-my-6w">
      <DataStatus state={organisation}>
        {(data) => (
          <>
            <h1>{data.name}</h1>
            <dl>
              <dt>Type</dt>
              <dd>
                {label(ORGANISATION_KIND_LABELS, data.kind)}
                {data.funderKind ? ` (${label(FUNDER_KIND_LABELS, data.funderKind)})` : ''}
              </dd>
              <dt>SIREN / SIRET</dt>
              <dd>{data.siren ?? data.siret ?? '—'}</dd>
              <dt>Adresse</dt>
              <dd>{[data.addressLine, data.postalCode, data.city].filter(Boolean).join(', ') || '—'}</dd>
              <dt>Département</dt>
              <dd>{data.departementCode ?? '—'}</dd>
              <dt>Créée le</dt>
              <dd>{frenchDate(data.createdAt)}</dd>
            </dl>
            <p>
              {data.kind === 'venue' && (
                <Link className="fr-link fr-mr-3w" to={`/anct/lieux/${id}`}>
                  Qualification du lieu
                </Link>
              )}
              <Link className="fr-link" to={`/anct/journal?organisationId=${id}`}>
                Journal d’audit de {data.name}
              </Link>
            </p>
          </>
        )}
      </DataStatus>
      <NoticeArea notice={notice} />
      <h2>Personnes</h2>
      <PeopleTable organisationId={id} caption="Personnes de l’organisation" reload={reload} deactivation />
      <h2 className="fr-mt-4w">Clés d’API</h2>
      <p>
        Les clés que l’organisation a créées pour ses logiciels (jamais leur secret). Révoquez une clé divulguée ou abandonnée : elle cesse
        aussitôt de fonctionner.
      </p>
      <DataStatus state={apiKeys}>
        {(data) =>
          data.items.length === 0 ? (
            <p>Aucune clé d’API.</p>
          ) : (
            <Table
              caption="Clés d’API de l’organisation"
              noCaption
              headers={['Nom', 'Début de la clé', 'Créée le', 'Dernier usage', 'État']}
              data={data.items.map((key) => [
                key.name,
                <code key="prefix">{key.prefix}…</code>,
                frenchDateTime(key.createdAt as unknown as string),
                frenchDateTime(key.lastUsedAt as unknown as string | null),
                key.revokedAt ? (
                  `Révoquée le ${frenchDateTime(key.revokedAt as unknown as string)}`
                ) : (
                  <button
                    key={key.id}
                    type="button"
                    className="fr-btn fr-btn--sm fr-btn--tertiary"
                    onClick={() =>
                      attempt(
                        () =>
                          api.DELETE('/api/v1/organisations/{organisationId}/api-keys/{id}', {
                            params: { path: { organisationId: id, id: key.id } },
                          }),
                        `Clé « ${key.name} » révoquée.`,
                        done,
                      )
                    }
                  >
                    Révoquer la clé {key.name}
                  </button>
                ),
              ])}
            />
          )
        }
      </DataStatus>
      <h2 className="fr-mt-4w">Inviter une personne</h2>
      <FieldsForm
        submitLabel="Envoyer l’invitation"
        fields={[
          { key: 'displayName', label: 'Nom' },
          { key: 'email', label: 'E-mail', type: 'email', check: email },
          { key: 'admin', label: 'Administrateur de l’organisation', options: { no: 'Non', yes: 'Oui' } },
        ]}
        onSubmit={({ displayName, email: address, admin }) =>
          attempt(
            () =>
              api.POST('/api/v1/users', {
                body: { displayName, email: address, isOrganisationAdmin: admin === 'yes', organisationId: id },
              }),
            `Invitation envoyée à ${address}.`,
            done,
          )
        }
      />
    </div>
  );
}
