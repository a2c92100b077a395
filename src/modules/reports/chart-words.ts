// The words a chart writes besides its data (issue 19 point 3: the reports module takes them
// from the caller, like the staff import's HandoverWords): titles and the notes for missing data.
// src/i18n/chart-words.ts fills them from the reports catalogue.
export interface ChartWords {
  trendTitle: string;
  kecamatanTitle: string;
  channelsTitle: string;
  mapTitle: string;
  /** A week without verdicts, in the trend's description. */
  noData: string;
  /** Units outside any kecamatan (OPD) in the small multiples. */
  noKecamatan: string;
  /** "3 unit belum punya titik lokasi" under the map. */
  noLocation(count: number): string;
}
