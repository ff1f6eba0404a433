import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { label } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { OBJECT_TYPE_LABELS } from '../anct-labels';
import { frenchDateTime, objectPath } from '../back-office';

const FILTERS = ['action', 'objectType', 'objectId', 'organisationId', 'actorUserId', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];
const PAGE = 50;

/** A Paris calendar day as the instant it starts (the API takes ISO 8601 instants); `to` is the day after, exclusive. */
function dayStart(day: string, plusDays = 0): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!parts) throw new Error(`Date invalide : « ${day} » (attendu AAAA-MM-JJ).`);
  const [year, month, date] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const utcNoon = new Date(Date.UTC(year, month - 1, date + plusDays, 12));
  const parisOffset =
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'shortOffset' })
      .formatToParts(utcNoon)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT+1';
  const hours = Number(parisOffset.replace('GMT', '') || '0');
  return new Date(Date.UTC(year, month - 1, date + plusDays) - hours * 3_600_000).toISOString();
}

/** The audit trail, searched by action, object, organisation, person and dates (the filters live in the address, to share a search). */
export function AuditPage() {
  usePageTitle('Journal d’audit');
  const [params, setParams] = useSearchParams();
  const current = Object.fromEntries(FILTERS.map((filter) => [filter, params.get(filter) ?? ''])) as Record<Filter, string>;
  const offset = Number(params.get('offset') ?? 0);
  const [typed, setTyped] = useState(current);
  const events = useApiData(async () => {
    const query: Record<string, string | number> = { limit: PAGE, offset };
    for (const filter of FILTERS)
      if (current[filter])
        query[filter] = filter === 'from' ? dayStart(current.from) : filter === 'to' ? dayStart(current.to, 1) : current[filter];
    const answer = await api.GET('/api/v1/audit-events', { params: { query: query as never } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [params.toString()]);

  const organisations = useApiData(async () => {
    const answer = await api.GET('/api/v1/organisations', { params: { query: { limit: 200, offset: 0 } } });
    return new Map((answer.data?.items ?? []).map((organisation) => [organisation.id, organisation.name]));
  }, []);
  const organisationName = (id: string) => (organisations.status === 'ready' ? organisations.data.get(id) : undefined) ?? id.slice(0, 8);

  function search(event: FormEvent) {
    event.preventDefault();
    setParams(
      Object.fromEntries(
        Object.entries(typed)
          .filter(([, value]) => value.trim() !== '')
          .map(([key, value]) => [key, value.trim()]),
      ),
    );
  }
  const field = (key: Filter, text: string, hint?: string, type = 'text') => (
    <div className="fr-col-12 fr-col-md-4">
      <Input
        label={text}
        hintText={hint}
        nativeInputProps={{ type, value: typed[key], onChange: (event) => setTyped({ ...typed, [key]: event.target.value }) }}
      />
    </div>
  );

  return (
    <div className="fr-container fr-my-6w">
      <h1>Journal d’audit</h1>
      <form onSubmit={search} noValidate aria-label="Rechercher dans le journal">
        <div className="fr-grid-row fr-grid-row--gutters">
          {field('action', 'Action', 'Par exemple order.approved.')}
          <div className="fr-col-12 fr-col-md-4">
            <Select
              label="Type d’objet"
              nativeSelectProps={{ value: typed.objectType, onChange: (event) => setTyped({ ...typed, objectType: event.target.value }) }}
            >
              <option value="">Tous</option>
              {Object.entries(OBJECT_TYPE_LABELS).map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </Select>
          </div>
          {field('objectId', 'Identifiant de l’objet')}
          {field('organisationId', 'Identifiant de l’organisation', 'Qui a agi, ou dont l’objet a changé.')}
          {field('actorUserId', 'Identifiant de la personne')}
          {field('from', 'Du', undefined, 'date')}
          {field('to', 'Au', 'Inclus.', 'date')}
        </div>
        <button type="submit" className="fr-btn">
          Rechercher
        </button>
      </form>
      <DataStatus state={events}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="fr-mt-3w">Aucun événement ne correspond à cette recherche.</p>
          ) : (
            <>
              <Table
                className="fr-mt-3w"
                caption={`Événements ${offset + 1} à ${offset + data.items.length} sur ${data.total}`}
                headers={['Date', 'Action', 'Objet', 'Par', 'Organisation']}
                data={data.items.map((event) => {
                  const path = objectPath(event.objectType, event.objectId);
                  const objectText = `${label(OBJECT_TYPE_LABELS, event.objectType)} ${event.objectId.slice(0, 8)}`;
                  return [
                    frenchDateTime(event.occurredAt),
                    <code key="action">{event.action}</code>,
                    path ? (
                      <Link key={event.id} to={path}>
                        {objectText}
                      </Link>
                    ) : (
                      objectText
                    ),
                    event.actorLabel,
                    event.objectOrganisationId ? (
                      <Link key="organisation" to={`/anct/organisations/${event.objectOrganisationId}`}>
                        {organisationName(event.objectOrganisationId)}
                      </Link>
                    ) : (
                      '—'
                    ),
                  ];
                })}
              />
              <ul className="fr-btns-group fr-btns-group--inline">
                {offset > 0 && (
                  <li>
                    <button
                      type="button"
                      className="fr-btn fr-btn--secondary"
                      onClick={() => setParams({ ...Object.fromEntries(params), offset: String(Math.max(0, offset - PAGE)) })}
                    >
                      Événements précédents
                    </button>
                  </li>
                )}
                {offset + data.items.length < data.total && (
                  <li>
                    <button
                      type="button"
                      className="fr-btn fr-btn--secondary"
                      onClick={() => setParams({ ...Object.fromEntries(params), offset: String(offset + PAGE) })}
                    >
                      Événements suivants
                    </button>
                  </li>
                )}
              </ul>
            </>
          )
        }
      </DataStatus>
    </div>
  );
}
