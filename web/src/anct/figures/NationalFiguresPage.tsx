import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { DataStatus } from '../../layout/DataStatus';
import { dateTime } from '../../layout/figures/format';
import { FiguresTable, FundingFiguresView } from '../../layout/figures/FundingFiguresView';
import { FundingReportsPanel } from '../../layout/figures/FundingReportsPanel';
import { programmeName } from '../../layout/figures/ProgrammeOption';
import { useApiData } from '../../layout/useApiData';
import { isNonEmpty, type NonEmpty } from '../../layout/non-empty';
import { usePageTitle } from '../../layout/usePageTitle';

type Programme = components['schemas']['ProgrammeDto'];
type Organisation = components['schemas']['OrganisationDto'];

/**
 * ANCT's national figures: a programme as a whole, one funder or the funders of one département, as
 * charts with their tables, a table per funder and per département, and the report files to download.
 */
export function NationalFiguresPage() {
  usePageTitle('Chiffres nationaux');
  const lists = useApiData(async () => {
    const [programmes, funders] = await Promise.all([
      api.GET('/api/v1/programmes', { params: { query: { limit: 200 } } }),
      api.GET('/api/v1/organisations', { params: { query: { kind: 'funder', limit: 200 } } }),
    ]);
    if (!programmes.data || !funders.data) throw new Error('lists');
    return { programmes: programmes.data.items, funders: [...funders.data.items].sort((a, b) => a.name.localeCompare(b.name, 'fr')) };
  }, []);
  return (
    <div className="fr-container fr-my-6w">
      <h1>Chiffres nationaux</h1>
      <DataStatus state={lists}>
        {({ programmes, funders }) =>
          isNonEmpty(programmes) ? <Figures programmes={programmes} funders={funders} /> : <p>Aucun programme pour l’instant.</p>
        }
      </DataStatus>
    </div>
  );
}

function Figures({ programmes, funders }: { programmes: NonEmpty<Programme>; funders: Organisation[] }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const programme = programmes.find((candidate) => candidate.id === searchParams.get('programme')) ?? programmes[0];
  const funder = funders.find((candidate) => candidate.id === searchParams.get('financeur')) ?? null;
  const departement = funder ? null : searchParams.get('departement') || null;
  const departements = [...new Set(funders.flatMap((candidate) => (candidate.departementCode ? [candidate.departementCode] : [])))].sort();
  const [filterError, setFilterError] = useState<string | null>(null);

  const figures = useApiData(async () => {
    const query = { programmeId: programme.id, ...(funder ? { funderId: funder.id } : {}), ...(departement ? { departement } : {}) };
    const { data } = await api.GET('/api/v1/funding-figures', { params: { query } });
    if (!data) throw new Error('figures');
    return data;
  }, [programme.id, funder?.id, departement]);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = {
      programme: String(form.get('programme')),
      financeur: String(form.get('financeur')),
      departement: String(form.get('departement')),
    };
    if (chosen.financeur && chosen.departement) {
      setFilterError('Choisissez un financeur ou un département, pas les deux.');
      return;
    }
    setFilterError(null);
    setSearchParams(Object.fromEntries(Object.entries(chosen).filter(([, value]) => value !== '')));
  }

  return (
    <>
      <form onSubmit={apply} className="fr-mb-4w" aria-label="Filtres des chiffres">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <Select label="Programme" nativeSelectProps={{ name: 'programme', defaultValue: programme.id }}>
              {programmes.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {programmeName(candidate)}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select
              label="Financeur"
              state={filterError ? 'error' : 'default'}
              stateRelatedMessage={filterError ?? undefined}
              nativeSelectProps={{ name: 'financeur', defaultValue: funder?.id ?? '' }}
            >
              <option value="">Tous les financeurs</option>
              {funders.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select label="Département (des financeurs)" nativeSelectProps={{ name: 'departement', defaultValue: departement ?? '' }}>
              <option value="">Tous les départements</option>
              {departements.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <Button type="submit" className="fr-mt-2w">
          Afficher les chiffres
        </Button>
      </form>
      <DataStatus state={figures}>
        {(data) => (
          <>
            <p className="fr-text--lead">
              {data.scopeLabel === data.programmeLabel
                ? `${data.programmeLabel}, tous les financeurs`
                : `${data.scopeLabel} — ${data.programmeLabel}`}
            </p>
            <p>Chiffres au {dateTime(data.asOf)}, calculés comme le bilan : un bilan préparé maintenant donne les mêmes.</p>
            <FundingFiguresView figures={data} />
            {!data.funderId && (
              <>
                <h2>Par financeur</h2>
                <FiguresTable
                  caption="Chiffres par financeur"
                  rowHeader="Financeur"
                  rows={data.funders.map((row) => ({ name: row.name, values: row }))}
                />
                <h2>Par département</h2>
                <FiguresTable
                  caption="Chiffres par département (des financeurs)"
                  rowHeader="Département"
                  rows={data.departements.map((row) => ({ name: row.label, values: row }))}
                />
              </>
            )}
          </>
        )}
      </DataStatus>
      <h2>Bilans à télécharger</h2>
      {departement && <p>Le bilan du programme contient une ligne par département : celle du département {departement} y figure.</p>}
      <FundingReportsPanel
        programmeId={programme.id}
        funderId={funder?.id ?? null}
        scopeLabel={funder ? `${funder.name}, ${programmeName(programme)}` : `${programmeName(programme)}, tous les financeurs`}
      />
    </>
  );
}
