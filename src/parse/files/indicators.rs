//! `indicators.csv` and `editions.csv`: what the figures are, and the editions of a method.

use super::{id, unique_ids, vocabulary};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Aggregation, Better, Edition, Indicator, Period, Pillar, Unit, is_snake_case};
use crate::parse::record::Record;
use crate::parse::table::{Schema, Table};

static INDICATORS: Schema = Schema {
    required: &[
        "indicator_id",
        "family",
        "pillar",
        "name_vi",
        "name_en",
        "unit",
        "denominator",
        "aggregation",
        "better",
        "part_of",
        "definition_vi",
        "definition_en",
    ],
    optional: &["methodology_vi", "methodology_en"],
};

/// Reads `indicators.csv`. A `part_of` naming no indicator of the file is an error.
pub fn parse_indicators(text: &str, file: Option<&str>) -> Result<Vec<Indicator>> {
    let mut table = Table::open(text, file, &INDICATORS)?;
    let mut part_of_places = Vec::new();
    let indicators = unique_ids(&mut table, 0, |t| {
        let unit: Unit = vocabulary(t, 5, Unit::expected)?;
        let aggregation: Aggregation =
            vocabulary(t, 7, || "sum, mean, none or weighted_mean:<weight>".into())?;
        if aggregation == Aggregation::Sum && !unit.adds_up() {
            let expected = format!(
                "mean, weighted_mean:<weight> or none: figures in {unit} do not add up across provinces"
            );
            return Err(t.invalid(7, t.text(7), expected));
        }
        let part_of = t.optional_id(9)?.map(str::to_owned);
        if part_of.is_some() {
            part_of_places.push(t.position(9));
        }
        Ok(Indicator {
            id: id(t, 0)?,
            family: id(t, 1)?,
            pillar: vocabulary(t, 2, Pillar::expected)?,
            name_vi: t.required(3)?.to_owned(),
            name_en: t.required(4)?.to_owned(),
            unit,
            denominator: t
                .optional_id(6)?
                .map(|text| {
                    is_snake_case(text).then(|| text.to_owned()).ok_or_else(|| {
                        t.invalid(6, text, "lower snake_case ASCII, or empty".into())
                    })
                })
                .transpose()?,
            aggregation,
            better: vocabulary(t, 8, Better::expected)?,
            part_of,
            definition_vi: t.required(10)?.to_owned(),
            definition_en: t.required(11)?.to_owned(),
            methodology_vi: t.text(12).to_owned(),
            methodology_en: t.text(13).to_owned(),
            editions: Vec::new(),
        })
    })?;
    let positions: std::collections::HashMap<&str, usize> = indicators
        .iter()
        .enumerate()
        .map(|(i, indicator)| (indicator.id.as_str(), i))
        .collect();
    let mut places = part_of_places.into_iter();
    for (start, indicator) in indicators.iter().enumerate() {
        let Some(total) = &indicator.part_of else {
            continue;
        };
        let at = |kind: ErrorKind, place: Option<crate::error::Position>| match place {
            Some(position) => Error::at(kind, position),
            None => Error::new(kind),
        };
        let place = places.next();
        if !positions.contains_key(total.as_str()) {
            let kind = ErrorKind::UnknownIndicator { id: total.clone() };
            return Err(at(kind, place));
        }
        if let Some(cycle) = part_of_cycle(&indicators, &positions, start) {
            return Err(at(ErrorKind::PartOfCycle { cycle }, place));
        }
    }
    Ok(indicators)
}

/// The cycle of `part_of` links through indicator `start`, if its totals lead back to it.
fn part_of_cycle(
    indicators: &[Indicator],
    positions: &std::collections::HashMap<&str, usize>,
    start: usize,
) -> Option<Vec<String>> {
    let mut path = vec![indicators.get(start)?.id.clone()];
    let mut current = start;
    // A chain longer than the list has repeated itself; one that never returns to `start`
    // either ends or circles elsewhere, and is reported from an indicator of that circle.
    for _ in 0..indicators.len() {
        let total = indicators.get(current)?.part_of.as_deref()?;
        current = *positions.get(total)?;
        path.push(total.to_owned());
        if current == start {
            return Some(path);
        }
    }
    None
}

static EDITIONS: Schema = Schema {
    required: &[
        "indicator_id",
        "edition",
        "first_period",
        "last_period",
        "note_vi",
        "note_en",
    ],
    optional: &[],
};

/// Reads `editions.csv` into the indicators it names. An indicator's editions must follow one
/// another in time without overlapping, and only the last may be open-ended: a period belongs
/// to one edition at most, so a break in a series is never ambiguous.
pub fn parse_editions(text: &str, file: Option<&str>, indicators: &mut [Indicator]) -> Result<()> {
    let mut table = Table::open(text, file, &EDITIONS)?;
    while table.next()? {
        let t = &table;
        let indicator_id = t.required(0)?;
        let indicator = indicators
            .iter_mut()
            .find(|i| i.id == indicator_id)
            .ok_or_else(|| {
                t.error(
                    0,
                    ErrorKind::UnknownIndicator {
                        id: crate::error::excerpt(indicator_id),
                    },
                )
            })?;
        let year = || "a year YYYY".to_owned();
        let period = |slot| {
            t.parsed(slot, year, |text| {
                (text.len() == 4)
                    .then(|| text.parse::<Period>().ok())
                    .flatten()
            })
        };
        let first = period(2)?;
        let last = t.optional(3).map(|_| period(3)).transpose()?;
        if last.is_some_and(|last| last < first) {
            return Err(t.invalid(3, t.text(3), "a year no earlier than first_period".into()));
        }
        let edition = Edition {
            id: t.required(1)?.to_owned(),
            first,
            last,
            note_vi: t.required(4)?.to_owned(),
            note_en: t.required(5)?.to_owned(),
        };
        if let Some(previous) = indicator.editions.last() {
            let follows = previous.last.is_some_and(|end| end < first);
            if previous.id == edition.id || !follows {
                let reason = format!(
                    "edition {:?} of {} must start after edition {:?} ends, which must end",
                    edition.id, indicator.id, previous.id
                );
                return Err(t.invalid(2, t.text(2), reason));
            }
        }
        indicator.editions.push(edition);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDICATORS_HEADER: &str = "indicator_id,family,pillar,name_vi,name_en,unit,denominator,aggregation,better,part_of,definition_vi,definition_en\n";

    fn indicator_rows(part_of: &[(&str, &str)]) -> String {
        let mut text = INDICATORS_HEADER.to_owned();
        for (id, total) in part_of {
            text += &[
                *id,
                "f,infrastructure,A,A,count,,sum,higher",
                total,
                "d,d\n",
            ]
            .join(",");
        }
        text
    }

    #[test]
    fn only_figures_that_add_up_may_be_summed() {
        let row = |unit: &str, rule: &str| {
            format!("{INDICATORS_HEADER}a,f,infrastructure,A,A,{unit},,{rule},higher,,d,d\n")
        };
        for unit in ["count", "vnd_billion", "km"] {
            assert!(parse_indicators(&row(unit, "sum"), None).is_ok(), "{unit}");
        }
        for unit in [
            "percent",
            "score_0_1",
            "per_100_people",
            "mbps",
            "people_per_point",
        ] {
            let error = parse_indicators(&row(unit, "sum"), Some("i.csv")).expect_err(unit);
            assert!(
                error.to_string().starts_with("i.csv:2:")
                    && error.to_string().contains("invalid `aggregation` \"sum\""),
                "{unit}: {error}"
            );
            assert!(parse_indicators(&row(unit, "mean"), None).is_ok(), "{unit}");
        }
    }

    #[test]
    fn a_part_of_cycle_is_refused_with_its_links() {
        let text = indicator_rows(&[("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")]);
        let error = parse_indicators(&text, Some("indicators.csv")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "indicators.csv:2:42: `part_of` goes round in a circle: a → b → c → a"
        );
        let error = parse_indicators(&indicator_rows(&[("a", "a")]), None).unwrap_err();
        assert_eq!(
            error.kind(),
            &ErrorKind::PartOfCycle {
                cycle: vec!["a".into(), "a".into()]
            }
        );
        let chain = indicator_rows(&[("a", "b"), ("b", "c"), ("c", "")]);
        assert_eq!(parse_indicators(&chain, None).unwrap().len(), 3);
    }

    const EDITIONS_HEADER: &str = "indicator_id,edition,first_period,last_period,note_vi,note_en\n";

    fn one_index() -> Vec<Indicator> {
        let text = format!(
            "{INDICATORS_HEADER}dti,dti,digital_government,DTI,DTI,score_0_1,,mean,higher,,d,d\n"
        );
        parse_indicators(&text, Some("indicators.csv")).unwrap()
    }

    #[test]
    fn editions_attach_to_their_indicator_in_time_order() {
        let mut indicators = one_index();
        let text = format!(
            "{EDITIONS_HEADER}dti,2022,2022,2023,9 chỉ số,9 indices\ndti,2024,2024,,8 chỉ số,8 indices\n"
        );
        parse_editions(&text, Some("editions.csv"), &mut indicators).unwrap();
        let dti = &indicators[0];
        assert_eq!(dti.aggregation, crate::model::Aggregation::Mean);
        let ids: Vec<&str> = dti.editions.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["2022", "2024"]);
        let year = |y: u16| Period::year(y);
        assert_eq!(
            dti.edition_of(year(2023)).map(|e| e.id.as_str()),
            Some("2022")
        );
        assert_eq!(
            dti.edition_of(year(2030)).map(|e| e.id.as_str()),
            Some("2024")
        );
        assert_eq!(dti.edition_of(year(2020)), None);
    }

    #[test]
    fn overlapping_editions_are_refused_where_they_start() {
        let mut indicators = one_index();
        let text = format!("{EDITIONS_HEADER}dti,a,2022,2023,x,x\ndti,b,2023,,y,y\n");
        let error = parse_editions(&text, Some("editions.csv"), &mut indicators).unwrap_err();
        assert_eq!(error.position().map(|p| (p.line, p.column)), Some((3, 7)));
        let text = format!("{EDITIONS_HEADER}dti,a,2022,,x,x\ndti,b,2024,,y,y\n");
        assert!(parse_editions(&text, Some("editions.csv"), &mut one_index()).is_err());
    }

    #[test]
    fn an_edition_of_an_unknown_indicator_names_it() {
        let text = format!("{EDITIONS_HEADER}papi,a,2018,,x,x\n");
        let error = parse_editions(&text, Some("editions.csv"), &mut one_index()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "editions.csv:2:1: unknown indicator \"papi\""
        );
    }

    #[test]
    fn part_of_must_name_an_indicator() {
        let header = "indicator_id,family,pillar,name_vi,name_en,unit,denominator,aggregation,better,part_of,definition_vi,definition_en\n";
        let text = format!(
            "{header}a,f,infrastructure,A,A,count,,sum,higher,,d,d\nb,f,infrastructure,B,B,count,,sum,higher,zz,d,d\n"
        );
        let error = parse_indicators(&text, Some("indicators.csv")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "indicators.csv:3:42: unknown indicator \"zz\""
        );
    }
}
