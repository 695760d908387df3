//! The TypeScript declarations of the answers not generated from Rust types: the requests and
//! answers of the older calls, written beside the glue wasm-bindgen emits. Owns no behaviour.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
// The view-ready answers' types are generated from the Rust types (src/view/types.rs).
import type { Availability, ChartView, Conflict, DenseMatrix, FigureRef, IndicatorDefinition, InitialChoice, MapTabView, PeriodChoice, ProvinceView, ProvinceViewSpec, QualifierDisplay, UnitDisplay, Warning } from "../www/types/engine";
export type { Availability, ChartView, Conflict, DenseMatrix, FigureRef, IndicatorDefinition, InitialChoice, MapTabView, PeriodChoice, ProvinceView, ProvinceViewSpec, QualifierDisplay, UnitDisplay, Warning };
/**
 * The `cause` of an `IctCompareError`. Lines and columns are 1-based; columns count characters;
 * `field` is the 1-based field of the CSV record ("field 3"), which a page shows rather than the
 * column. `kind` is stable: a page words its message by it, from `detail` (the kind's own
 * values: the column's name, the text found, what was expected …); `message` is English.
 */
export interface IctCompareErrorCause {
  kind: string;
  file: string | null;
  line: number | null;
  column: number | null;
  field: number | null;
  detail: { kind: string; [value: string]: unknown };
  message: string;
}

export type ProvinceId = string;
export type Qualifier = "exact" | "over" | "at_least" | "about" | "nearly" | "under" | "at_most";

/** A published table: how to find its cells in the stored copy, and whom to credit. */
export interface TableSource {
  format: "csv" | "json"; rowKey: string; rowFilter: { column: string; value: string } | null;
  scheme: Scheme; period: string; attribution: string; copiedFrom: string;
}

/** A report (quoted) or, when `table` is set, a published table (cited by cell). */
export interface Source {
  id: string; title: string; outlet: string; author: string; published: string | null;
  url: string | null; province: ProvinceId | null; file: string; language: string;
  table: TableSource | null;
}

/** The table cell stating a figure: the row as published, the column, the text as stored. */
export interface TableCell { row: string; column: string; text: string; }

export interface Observation {
  id: string; province: ProvinceId; indicator: string; period: string; value: number;
  outOf: number | null; qualifier: Qualifier; isTarget: boolean; scope: string;
  source: string; quote: string; cell: TableCell | null; note: string; origin: "bundled" | "user";
}

/** A methodology edition of an index; a series crossing from one to the next has a break. */
export interface Edition { id: string; first: string; last: string | null; noteVi: string; noteEn: string; }

export interface Indicator {
  id: string; family: string; pillar: string; nameVi: string; nameEn: string; unit: string;
  denominator: string | null; aggregation: string; better: "higher" | "lower" | "none";
  partOf: string | null; editions: Edition[];
}

export interface Province {
  id: ProvinceId; name: string; nameFull: string; slug: string; region: string | null;
  mergedInto: ProvinceId | null; mergedFrom: ProvinceId[];
}

/** A source with its origin (a reader's source's `file` is the reader's file) and figure count. */
export interface SourceEntry extends Source { origin: "bundled" | "user"; figures: number; }
export interface SourcePageSpec { offset?: number; limit: number; }
export interface SourcePage { total: number; offset: number; sources: SourceEntry[]; }
export interface FigurePageSpec { source: string; offset?: number; limit: number; }
export interface FigurePage { source: string; total: number; offset: number; observations: Observation[]; }
/** What a reader's file added: provinces and indicators with the most figures first. */
export interface UserFigures { figures: number; sources: number; provinces: ProvinceId[]; indicators: string[]; }

export type PeriodSpec = "latest" | number | string;
export type Scheme = "p63" | "p34";

export interface Region { code: string; nameVi: string; nameEn: string; }

export interface IndicatorCoverage { indicator: string; observations: number; provinces: ProvinceId[]; periods: string[]; }

export interface Catalog {
  provinces: Province[];
  regions: Region[];
  indicators: Indicator[];
  sources: SourceEntry[];
  units: UnitDisplay[];
  qualifiers: QualifierDisplay[];
  /** The 63-province list's availability, then the 34's. */
  availability: [Availability, Availability];
  /** The view a page opens with: the reported provinces, most figures first, on the indicators they share. */
  initial: InitialChoice;
  /** Every year with a figure, newest first, with the indicators that have one then. */
  periods: PeriodChoice[];
}

export interface Provenance {
  observation: string; province: ProvinceId; value: number; qualifier: Qualifier; period: string;
  source: string; quote: string; cell: TableCell | null; origin: "bundled" | "user";
}

export interface Derivation {
  kind: "rollUp" | "perCapita"; members: number; reported: number;
  /** The aggregation rule a roll-up followed: "sum", "mean", "weighted_mean:<weight>" or "none". */
  rule: string | null;
  /** The weight used by a weighted mean: the rule's, or "population" in its place. */
  weight: string | null;
  /** Why the weight used is not the rule's ("in place of households, not known for p63:84"). */
  fallback: string | null;
  populationYear: number | null;
  /** Why the members' figures were not combined (rule "none", or targets). */
  refused: string | null;
  note: string;
}

/** A published figure checked against the same figure rolled up from the former provinces. */
export interface CrossCheck { value: number | null; difference: number | null; agrees: boolean | null; derivation: Derivation; }

export interface Figure {
  value: number | null; qualifier: Qualifier; period: string; mixedPeriods: boolean;
  outOf: number | null; isTarget: boolean; origin: "bundled" | "user";
  provenance: Provenance[]; derived: Derivation | null; crossCheck: CrossCheck | null;
}

/** How several provinces' figures were combined. */
export interface Method { rule: string; weight: string | null; fallback: string | null; populationYear: number | null; }

/** A national or regional average: a line to draw beside the provinces, never ranked. */
export interface ReferenceLine {
  kind: "national" | "regional"; region: string | null; nameVi: string; nameEn: string;
  value: number | null; basis: "mean" | "weightedMean" | "meanPerProvince"; method: Method | null;
  refused: string | null; scheme: Scheme; years: number[]; reported: number; provinces: number;
}
export interface References { lines: ReferenceLine[]; refused: string | null; }
export interface AverageSpec { indicator: string; period?: PeriodSpec; regions?: string[] | null; }

export interface CompareSpec {
  provinces: ProvinceId[]; indicators: string[]; period?: PeriodSpec; perCapita?: boolean;
  scheme?: Scheme | null; targets?: boolean; includePartial?: boolean;
  /** Give each column its national and regional averages (off by default). */
  references?: boolean;
}
/** A cell; `ref` asks `provenance` for the quotes a `compareWithoutProvenance` cell leaves out. */
export interface Cell extends Figure { best: boolean; ref: FigureRef; }
export interface Matrix {
  period: string;
  columns: { indicator: string; unit: string; mixedPeriods: boolean; periods: string[]; references: References }[];
  rows: { province: ProvinceId; cells: (Cell | null)[] }[];
  warnings: Warning[];
}

export interface RankSpec { indicator: string; period?: PeriodSpec; scheme?: Scheme | null; perCapita?: boolean; targets?: boolean; }
export interface Ranking {
  indicator: string; better: "higher" | "lower" | "none"; scheme: Scheme; unit: string;
  perCapita: boolean; perCapitaRefused: string | null; mixedPeriods: boolean; missing: number;
  entries: { rank: number; province: ProvinceId; figure: Figure; tied: boolean; uncertainWith: ProvinceId[] }[];
  references: References;
}

export interface SeriesSpec {
  province: ProvinceId; indicator: string; period?: PeriodSpec; from?: number | null; to?: number | null;
  scheme?: Scheme | null; perCapita?: boolean; targets?: boolean;
}
/** A change of method between two periods of a series. */
export interface Break { fromEdition: string; toEdition: string; at: string; noteVi: string; noteEn: string; }
export interface Change {
  from: string; to: string; absolute: number; relative: number | null; yearlyRate: number | null;
  years: number; qualifier: Qualifier; derived: boolean; break: Break | null;
}
export interface SeriesPoint extends Figure { edition: string | null; change: Change | null; }
export interface Series {
  province: ProvinceId; indicator: string; points: SeriesPoint[]; change: Change | null;
  perCapita: boolean; perCapitaRefused: string | null; breaks: Break[]; references: References;
}

export interface AggregateSpec {
  indicator?: string | null; groupBy?: "nation" | "none" | "region" | "year" | "pillar";
  period?: PeriodSpec; scheme?: Scheme | null; targets?: boolean;
}
export interface AggregateResult {
  indicator: string | null; groupBy: "nation" | "region" | "year" | "pillar"; scheme: Scheme;
  period: string; rule: string | null; weight: string | null;
  groups: {
    key: string; value: number | null; method: Method | null; refused: string | null;
    count: number; sum: number | null; mean: number | null; median: number | null;
    min: number | null; max: number | null; reported: number; provinces: number; years: number[];
  }[];
}

export interface Comparability { comparable: boolean; code: "sameIndicator" | "differentDefinition" | "differentIndicators"; reason: string; }

export interface Profile {
  province: ProvinceId; members: ProvinceId[]; figures: number;
  pillars: { pillar: string; entries: { indicator: string; province: ProvinceId; scope: string; figures: Figure[] }[] }[];
}

export interface ObservationList {
  total: number;
  sources: Source[];
  indicators: Indicator[];
  provinces: Province[];
  observations: Observation[];
}
"#;
