// Generated from the engine's result types (src/view/types.rs) by `make lint`; do not edit.
/** A province id: `p63:NN` (the 63 provinces until 30 June 2025) or `p34:NN`. */
export type ProvinceId = string;
/** `latest`, a year, or `YYYY-YYYY`. */
export type PeriodSpec = "latest" | number | string;

/**
 * Which list of provinces a code belongs to.
 */
export type Scheme = "p63" | "p34";

/**
 * How a report qualifies a number: "trên 74 %" is over 74 %, not 74 %.
 */
export type Qualifier = "exact" | "over" | "at_least" | "about" | "nearly" | "under" | "at_most";

/**
 * Which direction is an improvement.
 */
export type Better = "higher" | "lower" | "none";

/**
 * Where a figure came from: the bundled reports or a file the user opened.
 */
export type Origin = "bundled" | "user";

/**
 * Which average a reference line is.
 */
export type ReferenceKind = "national" | "regional";

/**
 * How an average was taken.
 */
export type AverageBasis = "mean" | "weightedMean" | "meanPerProvince";

/**
 * A request for "my province among all".
 */
export type ProvinceViewSpec = { 
/**
 * The reader's province, in either list (`p63:72`, `p34:12`).
 */
province: ProvinceId, 
/**
 * The indicator of the ranking, series and map ([`DEFAULT_FOCUS`] when absent).
 */
indicator?: string, 
/**
 * `latest` (default) or a year: the ranking and the map follow it.
 */
period?: PeriodSpec, 
/**
 * The list to compare in; the province's own list when absent.
 */
scheme?: Scheme, 
/**
 * Counts per 100 000 people, for indicators that add up (see
 * [`IndicatorAvailability::per_capita`]).
 */
perCapita?: boolean, };

/**
 * The answer to a [`ProvinceViewSpec`]: the whole first screen.
 */
export type ProvinceView = { 
/**
 * The province, in the list compared (a 63-list province asked for in p34 is answered
 * for the 2025 province it merged into).
 */
province: ProvinceSummary, 
/**
 * The list compared.
 */
scheme: Scheme, 
/**
 * The focus indicator.
 */
indicator: IndicatorSummary, 
/**
 * The period answered: `latest` or the year chosen.
 */
period: string, 
/**
 * DTI and PAPI e-governance, latest, with rank and change.
 */
headlines: Array<Headline>, 
/**
 * Every province of the list on the focus indicator, in rank order.
 */
ranking: RankingView, 
/**
 * The province, its region and the nation over the years.
 */
series: SeriesView, 
/**
 * The focus indicator on the map, or why it cannot be drawn.
 */
map: MapView, 
/**
 * Which indicators and provinces have data.
 */
availability: Availability, 
/**
 * The years a timeline offers for the focus indicator, oldest first.
 */
timeline: Array<number>, 
/**
 * The province's own report figures, comparable ones first.
 */
report: Array<ReportFigure>, 
/**
 * Every source of a number shown, to credit under the views.
 */
sources: Array<Attribution>, 
/**
 * What a reader must know to read the views right.
 */
warnings: Array<ViewWarning>, 
/**
 * The reader's figures of the focus indicator that a published figure also gives for the
 * same province and period: both figures of each, to list in a notice.
 */
conflicts: Array<Conflict>, };

/**
 * A province as a view names it.
 */
export type ProvinceSummary = { 
/**
 * Its id.
 */
id: ProvinceId, 
/**
 * Its short name.
 */
name: string, 
/**
 * Its GSO region's code, for a 63-list province.
 */
region: string | null, 
/**
 * For a 2025 province, the 63-list provinces it was formed from.
 */
mergedFrom: ProvinceId[], };

/**
 * An indicator as a view labels it.
 */
export type IndicatorSummary = { 
/**
 * Its id.
 */
id: string, 
/**
 * Vietnamese name.
 */
nameVi: string, 
/**
 * English name.
 */
nameEn: string, 
/**
 * The unit of the values shown (`per_100000_people` per capita).
 */
unit: string, 
/**
 * Decimals to show: four for index scores, as the ministry publishes them.
 */
decimals: number, 
/**
 * Which way is better.
 */
better: Better, 
/**
 * Whether the values are per 100 000 people.
 */
perCapita: boolean, };

/**
 * A rank among the provinces of a list: "k of n", with ties.
 */
export type Place = { 
/**
 * 1-based competition rank (1, 2, 2, 4).
 */
rank: number, 
/**
 * Provinces of the list ranked.
 */
of: number, 
/**
 * Whether another province shares the rank.
 */
tied: boolean, };

/**
 * The change of a headline figure since the previous year with a figure.
 */
export type HeadlineChange = { 
/**
 * The earlier period.
 */
from: string, 
/**
 * Later minus earlier.
 */
absolute: number, 
/**
 * How certain the change is.
 */
qualifier: Qualifier, 
/**
 * Whether a methodology edition boundary lies between the two: the change is not like
 * for like.
 */
editionBreak: boolean, 
/**
 * What changed in the method, when it did (Vietnamese, English).
 */
breakNoteVi: string | null, 
/**
 * English note.
 */
breakNoteEn: string | null, };

/**
 * One headline figure.
 */
export type Headline = { 
/**
 * The indicator.
 */
indicator: IndicatorSummary, 
/**
 * The latest figure, if the province has one.
 */
figure: ViewFigure | null, 
/**
 * Its rank in that figure's year.
 */
place: Place | null, 
/**
 * The change since the previous year.
 */
change: HeadlineChange | null, };

/**
 * How a number was arrived at, as a mark beside it.
 */
export type FigureMark = "published" | "derived" | "lowerBound" | "partial" | "user";

/**
 * A number ready to show, with a reference to fetch its provenance.
 */
export type ViewFigure = { 
/**
 * The value; `null` when a roll-up is refused.
 */
value: number | null, 
/**
 * "over", "about" … as reported, carried through derivations.
 */
qualifier: Qualifier, 
/**
 * The period of the figure.
 */
period: string, 
/**
 * Published, derived, lower bound or the reader's.
 */
mark: FigureMark, 
/**
 * For a roll-up: former provinces that reported, and how many there were.
 */
reported: number | null, 
/**
 * Former provinces of a roll-up.
 */
members: number | null, 
/**
 * The source ids the figure rests on (see [`ProvinceView::sources`]).
 */
sources: Array<string>, 
/**
 * What to pass to `Dataset.provenance` for the quotes behind this number.
 */
ref: FigureRef, };

/**
 * The address of one number of an answer, to fetch its provenance when a reader opens it.
 */
export type FigureRef = { 
/**
 * The province, in the list answered.
 */
province: ProvinceId, 
/**
 * The indicator.
 */
indicator: string, 
/**
 * The period the answer asked for (`latest`, a year, a range): the figure is found again
 * as the answer found it, a roll-up of members' latest figures included.
 */
period: PeriodSpec, 
/**
 * Per 100 000 people.
 */
perCapita: boolean, 
/**
 * A target rather than an achievement (a comparison of targets).
 */
target: boolean, };

/**
 * One province of a ranking.
 */
export type RankRow = { 
/**
 * The province.
 */
province: ProvinceId, 
/**
 * Its short name.
 */
name: string, 
/**
 * Its place; `null` for a lower bound, which cannot be put in order.
 */
place: Place | null, 
/**
 * Whether it is the reader's province.
 */
chosen: boolean, 
/**
 * Provinces whose order relative to this one the qualifiers leave open.
 */
uncertainWith: ProvinceId[], 
/**
 * The figure.
 */
figure: ViewFigure, 
/**
 * For a reader's figure, the published figure for the same province, indicator and
 * period, shown beside it: a reader's figure never silently replaces a published one.
 */
published: ViewFigure | null, };

/**
 * A national or regional average drawn beside a ranking or a series, never ranked.
 */
export type ReferenceMark = { 
/**
 * National or regional.
 */
kind: ReferenceKind, 
/**
 * The region's code, for a regional average.
 */
region: string | null, 
/**
 * Vietnamese name.
 */
nameVi: string, 
/**
 * English name.
 */
nameEn: string, 
/**
 * The average, or `null` when it cannot be taken (see `refused`).
 */
value: number | null, 
/**
 * How it was taken.
 */
basis: AverageBasis, 
/**
 * Why there is no value.
 */
refused: string | null, 
/**
 * Provinces that reported (k of n).
 */
reported: number, 
/**
 * Provinces of the group.
 */
provinces: number, };

/**
 * The ranked bar chart.
 */
export type RankingView = { 
/**
 * Provinces with a figure, first first.
 */
rows: Array<RankRow>, 
/**
 * Provinces of the list with no figure.
 */
missing: number, 
/**
 * The national average and the province's region's (others on request).
 */
references: Array<ReferenceMark>, 
/**
 * Whether the figures come from different years (period `latest`).
 */
mixedPeriods: boolean, };

/**
 * Whose line a series line is.
 */
export type LineKind = "province" | "regional" | "national";

/**
 * One point of a series line.
 */
export type LinePoint = { 
/**
 * The calendar year.
 */
year: number, 
/**
 * The value, or `null` for a year without one (the line breaks there).
 */
value: number | null, 
/**
 * The qualifier.
 */
qualifier: Qualifier, 
/**
 * How the value was arrived at; averages are marked derived.
 */
mark: FigureMark, 
/**
 * Whether the line reaches this point across a change of method from the point before:
 * the two are not like for like, and the segment between them is drawn apart.
 */
acrossBreak: boolean, };

/**
 * One line of the chart over the years.
 */
export type SeriesLine = { 
/**
 * Province, region or nation.
 */
kind: LineKind, 
/**
 * The label at the line's end (Vietnamese).
 */
labelVi: string, 
/**
 * The label at the line's end (English).
 */
labelEn: string, 
/**
 * Points, oldest first.
 */
points: Array<LinePoint>, };

/**
 * A change of methodology to mark on the time axis.
 */
export type BreakMark = { 
/**
 * The first year of the new method.
 */
year: number, 
/**
 * The edition before.
 */
fromEdition: string, 
/**
 * The edition after.
 */
toEdition: string, 
/**
 * What changed (Vietnamese).
 */
noteVi: string, 
/**
 * What changed (English).
 */
noteEn: string, };

/**
 * The line chart over the years.
 */
export type SeriesView = { 
/**
 * The province first, then its region, then the nation.
 */
lines: Array<SeriesLine>, 
/**
 * Methodology changes within the years shown.
 */
breaks: Array<BreakMark>, };

/**
 * Why a map cannot be drawn.
 */
export type MapRefusal = "noFigures" | "oneProvince" | "noIndicator" | "onlyPartial";

/**
 * One province's colour on the map.
 */
export type MapValue = { 
/**
 * The province.
 */
province: ProvinceId, 
/**
 * The value.
 */
value: number, 
/**
 * "over", "about" … as reported.
 */
qualifier: Qualifier, 
/**
 * The figure's period.
 */
period: string, 
/**
 * The index of its legend bin.
 */
bin: number, 
/**
 * How it was arrived at.
 */
mark: FigureMark, };

/**
 * One bin of the map's legend: values from `from` up to `to` (the last bin includes `to`).
 */
export type LegendBin = { 
/**
 * Lower edge (included).
 */
from: number, 
/**
 * Upper edge (excluded, but for the last bin).
 */
to: number, 
/**
 * Provinces in the bin.
 */
count: number, };

/**
 * The choropleth map of the focus indicator in one year.
 */
export type MapView = { 
/**
 * The indicator drawn: always the focus indicator, never another.
 */
indicator: string, 
/**
 * The year drawn (the latest year with figures for `latest`).
 */
year: number | null, 
/**
 * Why there is no map, when there is none.
 */
refused: MapRefusal | null, 
/**
 * Provinces with a value, in rank order (first first).
 */
values: Array<MapValue>, 
/**
 * The legend, lowest first; every value falls in one bin.
 */
bins: Array<LegendBin>, 
/**
 * Decimals that show every legend edge as it is.
 */
legendDecimals: number, 
/**
 * The province to outline, if any.
 */
outlined: ProvinceId | null, };

/**
 * Which provinces and years have figures for one indicator.
 */
export type IndicatorAvailability = { 
/**
 * The indicator.
 */
indicator: string, 
/**
 * Provinces of the list with a figure in some year.
 */
provinces: number, 
/**
 * Whether at least two of them have one, so that a comparison, a ranking or a map says
 * something; a page says so instead of drawing a comparison of one.
 */
comparable: boolean, 
/**
 * Calendar years with a figure, oldest first.
 */
years: Array<number>, 
/**
 * Whether per 100 000 people is meaningful, and so offered: the indicator adds up across
 * provinces (rule `sum`). A per-capita request for another indicator is refused.
 */
perCapita: boolean, };

/**
 * How many indicators one province has figures for.
 */
export type ProvinceAvailability = { 
/**
 * The province.
 */
province: ProvinceId, 
/**
 * Indicators with a figure.
 */
indicators: number, };

/**
 * What the pickers show beside each choice, for one list of provinces.
 */
export type Availability = { 
/**
 * The list counted: a 2025 province counts the figures of the provinces it was formed
 * from.
 */
scheme: Scheme, 
/**
 * Every indicator, in catalogue order.
 */
indicators: Array<IndicatorAvailability>, 
/**
 * Every province of the list, in code order.
 */
provinces: Array<ProvinceAvailability>, };

/**
 * One of the province's own report figures.
 */
export type ReportFigure = { 
/**
 * The indicator.
 */
indicator: string, 
/**
 * The province the figure describes: the one asked for, or one it was formed from.
 */
province: ProvinceId, 
/**
 * Whether other provinces report it too (comparable figures come first).
 */
comparable: boolean, 
/**
 * Provinces of the list reporting it.
 */
provinces: number, 
/**
 * The latest figure.
 */
figure: ViewFigure, };

/**
 * A source to credit: a report, or a published table cited by cell.
 */
export type Attribution = { 
/**
 * The source's id.
 */
id: string, 
/**
 * The report's or table's title.
 */
title: string, 
/**
 * The publisher.
 */
publisher: string, 
/**
 * For a table, how its publisher asks to be credited.
 */
table: string | null, 
/**
 * Where it was read.
 */
url: string | null, 
/**
 * Bundled or the reader's.
 */
origin: Origin, };

/**
 * What a warning is about.
 */
export type ViewWarningCode = "mixedPeriods" | "partial" | "derived" | "merger" | "methodBreak" | "conflict";

/**
 * A warning to show with the views.
 */
export type ViewWarning = { 
/**
 * What it is about; the page words it in the reader's language.
 */
code: ViewWarningCode, 
/**
 * The provinces concerned, if any.
 */
provinces: ProvinceId[], 
/**
 * The message in English, for logs and tests.
 */
message: string, };

/**
 * A reader's figure and a published one for the same province, indicator, scope and period.
 * Both are shown, each marked; neither replaces the other.
 */
export type Conflict = { 
/**
 * The province both figures are for.
 */
province: ProvinceId, 
/**
 * Its short name.
 */
provinceName: string, 
/**
 * The province of the answer it shows in: the same, or for a 63-list province compared
 * in the 34-province list, the 2025 province it merged into.
 */
shownIn: ProvinceId, 
/**
 * The indicator.
 */
indicator: string, 
/**
 * The part of the province both figures cover (`province` for the whole).
 */
scope: string, 
/**
 * The period of both figures.
 */
period: string, 
/**
 * The reader's figure (marked `user`).
 */
user: ViewFigure, 
/**
 * The published figure (marked `published`).
 */
published: ViewFigure, };

/**
 * The comparison table as columns of numbers rather than one object per cell: what the
 * page's table draws, handed over as a few typed arrays instead of an object for every cell.
 * Every per-cell array is row-major (`provinces.length × indicators.length`); a code is an
 * index into its `…Codes` list. A reader opening one number asks `Dataset.provenance` with
 * the cell's address: its row's province, its column's indicator and `perCapita`, the
 * answer's `period`, and whether it is a target.
 */
export type DenseMatrix = { 
/**
 * The period asked for.
 */
period: PeriodSpec, 
/**
 * Rows, in the order asked.
 */
provinces: ProvinceId[], 
/**
 * Each column's indicator, in the order asked. Its names and which way is better are the
 * catalog's: an answer asked again at every change of the table does not repeat them.
 */
indicators: Array<string>, 
/**
 * Each column's unit as its values are given: the indicator's, or `per_100000_people`
 * where per capita applied.
 */
units: Array<string>, 
/**
 * The decimals to show each column's values with.
 */
decimals: Array<number>, 
/**
 * Whether each column's values are per 100 000 people (asked, and the indicator allows it).
 */
perCapita: Array<boolean>, 
/**
 * What the reader must know to read the table right, in the order `compare` gives it.
 */
warnings: Array<Warning>, 
/**
 * Whether the cell has a figure (1) or nothing is reported (0): where it has none, the
 * cell's entries in the other arrays mean nothing.
 */
present: Uint8Array, 
/**
 * Each cell's value; `NaN` where there is no figure or the figure is not a number (a
 * partial roll-up).
 */
values: Float64Array, 
/**
 * For a ratio written `85/85`, the second number; `NaN` elsewhere.
 */
outOf: Float64Array, 
/**
 * Each cell's period, as its index in `periodCodes`.
 */
periods: Uint16Array, 
/**
 * Each cell's qualifier, as its index in `qualifierCodes`.
 */
qualifiers: Uint8Array, 
/**
 * Each cell's mark, as its index in `markCodes`.
 */
marks: Uint8Array, 
/**
 * Each cell's origin, as its index in `originCodes`.
 */
origins: Uint8Array, 
/**
 * Whether the figure is a target (1) or an achievement (0).
 */
targets: Uint8Array, 
/**
 * Whether the engine computed the figure (1: a roll-up, per capita) or it is as stated (0).
 */
derived: Uint8Array, 
/**
 * Of a derived figure, the members of its roll-up (1 for a figure per capita of a
 * province the merger left whole); 0 elsewhere.
 */
members: Uint16Array, 
/**
 * Of a derived figure, the members that reported it; 0 elsewhere.
 */
reported: Uint16Array, 
/**
 * The periods the codes stand for.
 */
periodCodes: string[], 
/**
 * The qualifiers the codes stand for.
 */
qualifierCodes: Array<Qualifier>, 
/**
 * The marks the codes stand for.
 */
markCodes: Array<FigureMark>, 
/**
 * The origins the codes stand for.
 */
originCodes: Array<Origin>, 
/**
 * The best cell of each column (its row): at most one, and none where the order is not
 * certain (ties, mixed periods).
 */
best: Array<number | null>, };

/**
 * How the chart draws its figures.
 */
export type ChartKind = "bars" | "lines";

/**
 * Why the chart has nothing to draw.
 */
export type ChartRefusal = "noIndicator" | "noFigures";

/**
 * One bar of the chart.
 */
export type ChartBar = { 
/**
 * The province.
 */
province: ProvinceId, 
/**
 * Its short name.
 */
name: string, 
/**
 * The figure: always with a value, its qualifier, period and mark.
 */
figure: ViewFigure, 
/**
 * Whether the engine computed it (a roll-up or per capita) rather than a report stating it.
 */
derived: boolean, 
/**
 * Whether it comes from the reader's own file.
 */
user: boolean, 
/**
 * Whether it is the best of the bars, with certainty (same year, qualifiers that allow it).
 */
best: boolean, };

/**
 * One point of a province's line.
 */
export type ChartPoint = { 
/**
 * The figure: always with a value.
 */
figure: ViewFigure, 
/**
 * Whether the line reaches it across a change of method from the point before: the two
 * are not like for like, and the segment between them is drawn apart.
 */
acrossBreak: boolean, };

/**
 * One province's line over the years.
 */
export type ChartLine = { 
/**
 * The province.
 */
province: ProvinceId, 
/**
 * Its short name.
 */
name: string, 
/**
 * Its figures with a value, oldest first.
 */
points: Array<ChartPoint>, };

/**
 * What a [`Warning`] is about.
 */
export type WarningCode = "mixedPeriods" | "lookAlike" | "partial" | "perCapitaNotApplicable" | "methodBreak";

/**
 * Something the reader must know to read the table (or the chart) right.
 */
export type Warning = { 
/**
 * What it is about: the page words it in the reader's language from this.
 */
code: WarningCode, 
/**
 * The indicators concerned.
 */
indicators: Array<string>, 
/**
 * In words (English; the page words it itself from the code).
 */
message: string, };

/**
 * The chart tab's answer: everything it draws, or why it draws nothing.
 */
export type ChartView = { 
/**
 * The indicator drawn, with its unit and decimals; `null` when none is chosen.
 */
indicator: IndicatorSummary | null, 
/**
 * The period asked: `latest` or a year.
 */
period: string, 
/**
 * The timeline's year: the one asked, or the indicator's latest.
 */
year: number | null, 
/**
 * The years the timeline offers, oldest first.
 */
timeline: Array<number>, 
/**
 * Bars or lines.
 */
kind: ChartKind, 
/**
 * The provinces with a figure of the year asked, in rank order by the indicator's
 * direction (lowest first when lower is better); ties keep the order the provinces were
 * chosen in.
 */
bars: Array<ChartBar>, 
/**
 * The provinces with a figure in some year, in the order chosen.
 */
lines: Array<ChartLine>, 
/**
 * Every period of the lines, oldest first: the time axis.
 */
periods: Array<string>, 
/**
 * The changes of method that a line crosses, oldest first: its figures on either side of
 * one are not like for like. None for bars, which are all of one year.
 */
breaks: Array<BreakMark>, 
/**
 * What a reader must know to read the chart right.
 */
warnings: Array<Warning>, 
/**
 * Why there is nothing to draw.
 */
refused: ChartRefusal | null, };

/**
 * The map tab's answer.
 */
export type MapTabView = { 
/**
 * The indicator drawn; `null` when none is chosen.
 */
indicator: IndicatorSummary | null, 
/**
 * The list whose boundaries are drawn.
 */
scheme: Scheme, 
/**
 * The values (in rank order, first first), the legend's bins (the highest drawn
 * darkest), or why there is no map.
 */
map: MapView, 
/**
 * The years the timeline offers, oldest first (none when no indicator is chosen).
 */
timeline: Array<number>, 
/**
 * The year `latest` maps: the latest year of the timeline that has a map, so that the
 * timeline's stop for `latest` is the year drawn for it.
 */
latest: number | null, };

/**
 * The view a page opens with when nothing asks for another.
 */
export type InitialChoice = { 
/**
 * The provinces of the bundled reports (63-list), most figures first; ties in the order
 * of the sources.
 */
provinces: ProvinceId[], 
/**
 * The indicators at least two of them share, in catalogue order (the national indices
 * cover them all); when none is shared, the first eight with figures.
 */
indicators: Array<string>, };

/**
 * What an indicator counts and how its figures are made, as the "i" beside its name shows.
 */
export type IndicatorDefinition = { 
/**
 * The indicator's id.
 */
indicator: string, 
/**
 * Its definition, in Vietnamese.
 */
definitionVi: string, 
/**
 * Its definition, in English.
 */
definitionEn: string, 
/**
 * How its figures are produced, in Vietnamese; empty for a figure read from a report.
 */
methodologyVi: string, 
/**
 * The same in English.
 */
methodologyEn: string, };

/**
 * How the values of one unit are shown: every unit an answer gives values in (an indicator's,
 * or per capita) has one, so that the page writes a column's heading and a value's sign by
 * reading this, never by knowing the units.
 */
export type UnitDisplay = { 
/**
 * The unit as answers name it (`percent`, `per_100000_people`).
 */
unit: string, 
/**
 * At most this many decimals.
 */
decimals: number, 
/**
 * The words under a column's or legend's name, in Vietnamese (`trên 100 dân`); empty
 * for a count.
 */
headingVi: string, 
/**
 * The same in English.
 */
headingEn: string, 
/**
 * Written after each value, in Vietnamese (` %`: a space before the sign); empty for
 * units said once in the heading.
 */
suffixVi: string, 
/**
 * The same in English (`%`).
 */
suffixEn: string, };

/**
 * The sign a qualified value is written with (`≈ 2.500`, `> 74 %`).
 */
export type QualifierDisplay = { 
/**
 * The qualifier.
 */
qualifier: Qualifier, 
/**
 * Its sign, empty for an exact value.
 */
symbol: string, };

/**
 * One year of the period picker.
 */
export type PeriodChoice = { 
/**
 * The calendar year.
 */
year: number, 
/**
 * The indicators with a figure in that year, in catalogue order.
 */
indicators: Array<string>, };
