/**
 * Everything printed on one carnet, already decided (codes derived, QR texts signed, venues chosen):
 * the render thread only draws. Plain data, so it crosses the thread boundary by structured clone.
 */
export type CouponState = 'valid' | 'redeemed' | 'cancelled' | 'expired';

export interface CouponPrintData {
  position: number;
  serial: string;
  state: CouponState;
  faceValueCents: number;
  expiresAt: Date;
  /** Only for valid coupons: a voided coupon never shows a code. */
  code: string | null;
  qrText: string | null;
}

export interface VenuePrintData {
  name: string;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
}

export interface CarnetPrintData {
  number: string;
  /** A carnet cancelled after a print run was requested is still printed, marked as cancelled, without codes. */
  cancelled: boolean;
  funderName: string;
  personalisationText: string | null;
  beneficiaryFirstName: string | null;
  faceValueCents: number;
  expiresAt: Date;
  venues: VenuePrintData[];
  coupons: CouponPrintData[];
}
