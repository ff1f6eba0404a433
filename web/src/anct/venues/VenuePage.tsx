import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { serviceCategoryLabel } from '../../../../src/modules/venues/service-category';
import {
  QUALIFICATION_DECISIONS,
  QUALIFICATION_TRANSITIONS,
  qualificationAfter,
  type QualificationDecision,
} from '../../../../src/modules/venues/venues.rules';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { euros, label, QUALIFICATION_LABELS } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { QUALIFICATION_DECISION_LABELS } from '../anct-labels';
import { attempt, frenchDateTime, type Notice, NoticeArea, useReload } from '../back-office';

const DAYS = ['', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** One venue: everything it declared, ANCT's decision with its reason, and the dated history of its qualification. */
export function VenuePage() {
  const { id = '' } = useParams();
  const [reload, bump] = useReload();
  const [notice, setNotice] = useState<Notice | null>(null);
  const venue = useApiData(async () => {
    const answer = await api.GET('/api/v1/venues/{id}', { params: { path: { id } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [id, reload]);
  const balance = useApiData(async () => {
    const answer = await api.GET('/api/v1/ledger/balances', { params: { query: { venueId: id } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [id, reload]);
  usePageTitle(venue.status === 'ready' ? `Lieu ${venue.data.name}` : 'Lieu de médiation');

  return (
    <div className="fr-container fr-my-6w">
      <DataStatus state={venue}>
        {(data) => (
          <>
            <h1>{data.name}</h1>
            <p>
              Statut : <strong>{label(QUALIFICATION_LABELS, data.qualificationStatus)}</strong>
              {data.qualificationChangedAt ? ` depuis le ${frenchDateTime(data.qualificationChangedAt)}` : ''}
            </p>
            <NoticeArea notice={notice} />
            <h2>Ce que le lieu a déclaré</h2>
            <dl>
              <dt>SIRET</dt>
              <dd>{data.siret ?? '—'}</dd>
              <dt>Adresse</dt>
              <dd>
                {[data.addressLine, data.postalCode, data.city].filter(Boolean).join(', ') || '—'} (INSEE {data.communeInseeCode ?? '—'},
                département {data.departementCode ?? '—'})
              </dd>
              <dt>Reste dû au lieu</dt>
              <dd>{balance.status === 'ready' ? euros(balance.data.balances.owedToVenuesCents) : '…'}</dd>
            </dl>
            <h3 className="fr-h5 fr-mt-2w">Sites</h3>
            {data.sites.length === 0 ? (
              <p>Aucun site déclaré.</p>
            ) : (
              <Table
                caption="Sites du lieu"
                noCaption
                headers={['Site', 'Adresse', 'Horaires', 'Accessibilité', 'Actif']}
                data={data.sites.map((site) => [
                  site.name,
                  [site.addressLine, site.postalCode, site.city].filter(Boolean).join(', '),
                  (site.openingHours as { day: number; opens: string; closes: string }[] | null)
                    ?.map((slot) => `${DAYS[slot.day]} ${slot.opens}–${slot.closes}`)
                    .join(' ; ') || '—',
                  site.accessibilityNotes ?? '—',
                  site.active ? 'Oui' : 'Non',
                ])}
              />
            )}
            <h3 className="fr-h5 fr-mt-2w">Services</h3>
            {data.services.length === 0 ? (
              <p>Aucun service déclaré.</p>
            ) : (
              <Table
                caption="Services du lieu"
                noCaption
                headers={['Service', 'Catégorie', 'Durée', 'Chèques au plus', 'Actif']}
                data={data.services.map((service) => [
                  service.label,
                  serviceCategoryLabel(service.category),
                  `${service.durationMinutes} min`,
                  service.maxVouchers,
                  service.active ? 'Oui' : 'Non',
                ])}
              />
            )}
            <DecisionForm
              venueId={id}
              current={data.qualificationStatus ?? 'pending'}
              onDone={(text) => {
                setNotice(text);
                if (text.severity === 'success') bump();
              }}
            />
            <h2 className="fr-mt-6w">Historique de la qualification</h2>
            {data.qualificationHistory.length === 0 ? (
              <p>Aucune décision pour l’instant.</p>
            ) : (
              <Table
                caption="Décisions de qualification, de la plus récente à la plus ancienne"
                noCaption
                headers={['Date', 'Décision', 'Avant', 'Après', 'Motif', 'Par']}
                data={[...data.qualificationHistory]
                  .sort((a, b) => b.decidedAt.localeCompare(a.decidedAt))
                  .map((event) => [
                    frenchDateTime(event.decidedAt),
                    label(QUALIFICATION_DECISION_LABELS, event.decision),
                    label(QUALIFICATION_LABELS, event.fromStatus),
                    label(QUALIFICATION_LABELS, event.toStatus),
                    event.reason || '—',
                    event.decidedByUserId ? (
                      <Link key={event.id} to={`/anct/journal?actorUserId=${event.decidedByUserId}`}>
                        Voir le journal
                      </Link>
                    ) : (
                      '—'
                    ),
                  ])}
              />
            )}
          </>
        )}
      </DataStatus>
    </div>
  );
}

/** The decisions the venue's current status allows (the server's own transition rule), each with its reason. */
function DecisionForm({ venueId, current, onDone }: { venueId: string; current: string; onDone: (notice: Notice) => void }) {
  const allowed = QUALIFICATION_DECISIONS.filter((decision) => qualificationAfter(current as never, decision) !== null);
  const [decision, setDecision] = useState<QualificationDecision | ''>('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (allowed.length === 0) return <p className="fr-mt-4w">Aucune décision possible : le retrait est définitif.</p>;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!decision) return setProblem('Choisissez une décision.');
    if (QUALIFICATION_TRANSITIONS[decision].reasonRequired && reason.trim().length === 0)
      return setProblem('Indiquez le motif : le lieu en sera informé.');
    setProblem(null);
    const text = { qualify: 'Lieu qualifié.', refuse: 'Candidature refusée.', suspend: 'Lieu suspendu.', withdraw: 'Lieu retiré.' }[
      decision
    ];
    if (
      await attempt(
        () =>
          api.POST('/api/v1/venues/{id}/qualification', {
            params: { path: { id: venueId } },
            body: { decision, reason: reason.trim() || undefined },
          }),
        text,
        onDone,
      )
    ) {
      setDecision('');
      setReason('');
    }
  }
  return (
    <form onSubmit={submit} noValidate className="fr-mt-4w" aria-labelledby="decision-title">
      <h2 id="decision-title">Décision de qualification</h2>
      <Select
        label="Décision"
        state={problem && !decision ? 'error' : 'default'}
        stateRelatedMessage={problem && !decision ? problem : undefined}
        nativeSelectProps={{ value: decision, onChange: (event) => setDecision(event.target.value as QualificationDecision) }}
      >
        <option value="">Choisir une décision</option>
        {allowed.map((value) => (
          <option key={value} value={value}>
            {QUALIFICATION_DECISION_LABELS[value]}
          </option>
        ))}
      </Select>
      <Input
        label="Motif"
        hintText={
          decision && !QUALIFICATION_TRANSITIONS[decision].reasonRequired
            ? 'Facultatif pour une qualification.'
            : 'Obligatoire pour un refus, une suspension ou un retrait.'
        }
        textArea
        state={problem && decision ? 'error' : 'default'}
        stateRelatedMessage={problem && decision ? problem : undefined}
        nativeTextAreaProps={{ value: reason, onChange: (event) => setReason(event.target.value) }}
      />
      <button type="submit" className="fr-btn">
        Enregistrer la décision
      </button>
    </form>
  );
}
