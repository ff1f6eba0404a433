import { Injectable, PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '../../common/errors/validation-failed.error';

const VOUCHER_SERIAL = /^\d{4}-\d{4,}-\d{6,}-\d{2}$/;

/** A printed chèque serial in a path, `2026-0042-000123-07`. */
@Injectable()
export class SerialPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!VOUCHER_SERIAL.test(value)) throw new ValidationFailedError([{ field: 'serial', problems: ['serial must read like 2026-0042-000123-07'] }]);
    return value;
  }
}
