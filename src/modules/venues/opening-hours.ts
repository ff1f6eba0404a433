/** One opening slot in a week: ISO day (1 = Monday … 7 = Sunday), local (Paris) times `HH:MM`. */
export interface OpeningSlot {
  day: number;
  opens: string;
  closes: string;
}
