import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../api/client';
import type { components } from '../../api/schema';
import { dateTime } from './format';

type FundingReport = components['schemas']['FundingReportDto'];

const POLL_MS = 1500;
const SHOWN = 5;

const pending = (report: FundingReport) => report.status === 'queued' || report.status === 'running';

/**
 * The report files (bilans) of a scope: the latest ones with their CSV and XLSX downloads, and a button
 * that asks for a new one; its progress is followed live (the job takes seconds on a national programme).
 */
export function FundingReportsPanel({
  programmeId,
  funderId,
  scopeLabel,
}: {
  programmeId: string;
  funderId: string | null;
  scopeLabel: string;
}) {
  const [reports, setReports] = useState<FundingReport[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [requesting, setRequesting] = useState(false);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    let cancelled = false;
    setReports(null);
    void api
      .GET('/api/v1/funding-reports', { params: { query: { programmeId, limit: 50 } } })
      .then(({ data }) => {
        if (cancelled) return;
        if (!data) return setFailed(true);
        setReports(data.items.filter((report) => report.funderId === funderId).slice(0, SHOWN));
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [programmeId, funderId]);

  // While a report is being made, read it again until it is ready (or failed), then say so.
  const waiting = (reports ?? []).filter(pending).map((report) => report.id);
  useEffect(() => {
    if (waiting.length === 0) return;
    const timer = setTimeout(async () => {
      const answers = await Promise.all(waiting.map((id) => api.GET('/api/v1/funding-reports/{id}', { params: { path: { id } } })));
      const updated = new Map(answers.flatMap(({ data }) => (data ? [[data.id, data] as const] : [])));
      for (const report of updated.values()) {
        if (report.status === 'ready')
          setAnnouncement(`Le bilan arrêté au ${dateTime(report.asOf ?? report.createdAt)} est prêt à télécharger.`);
        if (report.status === 'failed') setAnnouncement('Le bilan n’a pas pu être préparé. Réessayez.');
      }
      setReports((current) => (current ?? []).map((report) => updated.get(report.id) ?? report));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [waiting.join(',')]);

  async function request() {
    setRequesting(true);
    setRequestError(null);
    const { data, error } = await api.POST('/api/v1/funding-reports', { body: funderId ? { programmeId, funderId } : { programmeId } });
    setRequesting(false);
    if (!data) return setRequestError(errorMessage(error));
    setAnnouncement('Bilan demandé : il est en préparation.');
    setReports((current) => [data, ...(current ?? [])].slice(0, SHOWN));
  }

  return (
    <>
      <p>
        Le bilan ({scopeLabel}) reprend ces chiffres dans des fichiers pour un tableur : la synthèse et le parcours mois par mois en CSV,
        les deux dans un classeur XLSX.
      </p>
      <Button onClick={request} disabled={requesting} iconId="fr-icon-file-download-line" iconPosition="left">
        Préparer un bilan à jour
      </Button>
      <p role="status" aria-live="polite" className="fr-mt-2w">
        {announcement}
      </p>
      {requestError && <Alert severity="error" small description={requestError} />}
      {failed ? (
        <Alert severity="error" small description="Les bilans n'ont pas pu être chargés. Rechargez la page." />
      ) : reports === null ? (
        <p>Chargement des bilans…</p>
      ) : reports.length === 0 ? (
        <p>Aucun bilan pour l’instant.</p>
      ) : (
        <ul className="fr-raw-list">
          {reports.map((report) => (
            <li key={report.id} className="fr-card fr-p-2w fr-mb-2w">
              <ReportItem report={report} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ReportItem({ report }: { report: FundingReport }) {
  if (pending(report)) return <p className="fr-mb-0">Bilan demandé le {dateTime(report.createdAt)} : en préparation…</p>;
  if (report.status === 'failed')
    return <p className="fr-mb-0">Bilan demandé le {dateTime(report.createdAt)} : échec de la préparation.</p>;
  const when = dateTime(report.asOf ?? report.createdAt);
  const files = [
    { url: report.summaryCsvUrl, text: 'Synthèse (CSV)' },
    { url: report.funnelCsvUrl, text: 'Parcours par mois (CSV)' },
    { url: report.xlsxUrl, text: 'Classeur (XLSX)' },
  ];
  return (
    <>
      <p className="fr-mb-1w">Bilan arrêté au {when}</p>
      <p className="fr-mb-0">
        {files.map((file) =>
          file.url ? (
            <a key={file.text} className="fr-link fr-mr-3w" href={file.url} download>
              {file.text}
              <span className="fr-sr-only"> du bilan arrêté au {when}</span>
            </a>
          ) : null,
        )}
      </p>
    </>
  );
}
