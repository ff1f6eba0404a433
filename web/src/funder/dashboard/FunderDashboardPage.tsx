import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { DataStatus } from '../../layout/DataStatus';
import { dateTime } from '../../layout/figures/format';
import { FundingFiguresView } from '../../layout/figures/FundingFiguresView';
import { FundingReportsPanel } from '../../layout/figures/FundingReportsPanel';
import { programmeName } from '../../layout/figures/ProgrammeOption';
import { useApiData } from '../../layout/useApiData';
import { isNonEmpty, type NonEmpty } from '../../layout/non-empty';
import { usePageTitle } from '../../layout/usePageTitle';
import { useActor } from '../../session/SessionContext';

type Programme = components['schemas']['ProgrammeDto'];

/**
 * The funder's dashboard: the figures of its territory for one of its programmes (the most recent by
 * default), as charts with their tables, and the report files to download.
 */
export function FunderDashboardPage() {
  usePageTitle('Tableau de bord');
  const programmes = useApiData(async () => {
    const { data } = await api.GET('/api/v1/programmes', { params: { query: { limit: 200 } } });
    if (!data) throw new Error('programmes');
    return data.items;
  }, []);
  return (
    <div className="fr-container fr-my-6w">
      <h1>Tableau de bord</h1>
      <DataStatus state={programmes}>
        {(items) =>
          isNonEmpty(items) ? <Dashboard programmes={items} /> : <p>Votre collectivité n’est inscrite à aucun programme pour l’instant.</p>
        }
      </DataStatus>
    </div>
  );
}

function Dashboard({ programmes }: { programmes: NonEmpty<Programme> }) {
  const actor = useActor();
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = searchParams.get('programme');
  const programme = programmes.find((candidate) => candidate.id === asked) ?? programmes[0];
  const figures = useApiData(async () => {
    const { data } = await api.GET('/api/v1/funding-figures', { params: { query: { programmeId: programme.id } } });
    if (!data) throw new Error('figures');
    return data;
  }, [programme.id]);

  function choose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSearchParams({ programme: String(new FormData(event.currentTarget).get('programme')) });
  }

  return (
    <>
      {programmes.length > 1 && (
        <form onSubmit={choose} className="fr-mb-4w">
          <Select label="Programme" nativeSelectProps={{ name: 'programme', defaultValue: programme.id }}>
            {programmes.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {programmeName(candidate)}
              </option>
            ))}
          </Select>
          <Button type="submit" priority="secondary">
            Afficher ce programme
          </Button>
        </form>
      )}
      <DataStatus state={figures}>
        {(data) => (
          <>
            <p className="fr-text--lead">
              {data.scopeLabel} — {data.programmeLabel}
            </p>
            <p>Chiffres au {dateTime(data.asOf)}, calculés comme le bilan : un bilan préparé maintenant donne les mêmes.</p>
            <FundingFiguresView figures={data} />
          </>
        )}
      </DataStatus>
      <h2>Bilans à télécharger</h2>
      <FundingReportsPanel
        programmeId={programme.id}
        funderId={actor.organisationId ?? null}
        scopeLabel={`votre territoire, ${programmeName(programme)}`}
      />
    </>
  );
}
