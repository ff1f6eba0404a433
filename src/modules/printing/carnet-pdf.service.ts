import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import type { OrganisationActor } from '../../auth/actor';
import { TransactionRunner } from '../../database/transaction-runner';
import { carnetScopeOf } from '../carnets/carnet-scope';
import { CarnetPrintDataService } from './carnet-print-data.service';
import { PdfRenderPool } from './render/pdf-render-pool';

export interface CarnetPdf {
  fileName: string;
  pdf: Buffer;
}

/** One carnet's PDF, for the prescriber who hands it out or the funder who owns it. Reprints give the same codes. */
@Injectable()
export class CarnetPdfService {
  constructor(
    private readonly printData: CarnetPrintDataService,
    private readonly renderPool: PdfRenderPool,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async render(actor: OrganisationActor, carnetId: string): Promise<CarnetPdf> {
    const [carnet] = await this.printData.resolvePrintable(carnetScopeOf(actor), [carnetId]);
    const pdf = await this.renderPool.renderToBuffer(await this.printData.build([carnet]));
    // Printing shows redeemable codes: who printed what is part of the trail.
    await this.transactions.run((manager) =>
      this.audit.record(manager, {
        action: 'carnet.printed',
        objectType: 'carnet',
        objectId: carnet.id,
        objectOrganisationId: actor.organisationId,
        after: { status: carnet.status, bytes: pdf.length },
      }),
    );
    return { fileName: `pass-numerique-carnet-${carnet.number}.pdf`, pdf };
  }
}
