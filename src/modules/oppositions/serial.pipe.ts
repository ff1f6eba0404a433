import { Injectable, PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '../../common/errors/validation-failed.error';
import { VOUCHER_SERIAL_PATTERN } from './serial.rules';

/** A printed chèque serial in a path, `2026-0042-000123-07`. */
@Injectable()
export class SerialPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!VOUCHER_SERIAL_PATTERN.test(value))
      throw new ValidationFailedError([{ field: 'serial', problems: ['serial must read like 2026-0042-000123-07'] }]);
    return value;
  }
}
