export type UnitKind = 'kota' | 'kabupaten' | 'kecamatan' | 'kelurahan' | 'desa' | 'opd';

export interface UnitsTables {
  units: {
    id: string;
    /** Official Kemendagri code (19.71.01.1006); null for OPD. */
    code: string | null;
    kind: UnitKind;
    name: string;
    slug: string;
    parent_id: string | null;
    /** The regency (kabupaten/kota) code this unit belongs to, e.g. 19.71. */
    region_code: string;
    /** Accent colour, logo, office details and other site settings as JSON. */
    settings: string;
    is_demo: number;
    created_at: string;
    updated_at: string;
  };
}
