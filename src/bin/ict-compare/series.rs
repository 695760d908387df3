//! `series`: one province and one indicator over every period, with the change from each period
//! to the next, the yearly rate, breaks of method, and the averages of each year.

use std::fmt::Write;
use std::process::ExitCode;

use ict_compare::{
    Change, Dataset, Error, ProvinceId, ReferenceKind, ReferenceLine, Series, SeriesSpec, series,
};

use crate::output::{
    aligned, csv_line, how, json, number, province_name, shown, with_unit, write_out,
};
use crate::rank::write_references;
use crate::{Format, Options};

pub(crate) fn run_series(options: &Options) -> Result<ExitCode, Error> {
    let dataset = options.dataset()?;
    let text = options
        .province
        .as_deref()
        .ok_or_else(|| Error::request("--province is required"))?;
    let province: ProvinceId = text
        .parse()
        .map_err(|()| Error::request(format!("province {text:?}: expected p63:NN or p34:NN")))?;
    let spec = SeriesSpec {
        province,
        indicator: options
            .indicator
            .clone()
            .ok_or_else(|| Error::request("--indicator is required"))?,
        period: options.period,
        from: None,
        to: None,
        scheme: options.scheme,
        per_capita: options.per_capita,
        targets: false,
    };
    let answer = series(&dataset, &spec)?;
    let unit = if answer.per_capita {
        ict_compare::PER_CAPITA_UNIT.to_owned()
    } else {
        dataset
            .indicator(&spec.indicator)
            .map_or_else(String::new, |i| i.unit.as_str().to_owned())
    };
    match options.format {
        Format::Json => json(&answer)?,
        Format::Csv => write_out(&csv(&dataset, &answer, &unit))?,
        Format::Table => write_out(&table(&dataset, &answer, &unit))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The national or regional average of one year of the series.
fn average(answer: &Series, year: u16, kind: ReferenceKind) -> Option<&ReferenceLine> {
    answer
        .references
        .lines
        .iter()
        .find(|l| l.kind == kind && l.years.first() == Some(&year))
}

/// A change with its sign (`+0,018`).
fn signed(value: f64, unit: &str) -> String {
    if value > 0.0 {
        format!("+{}", number(value, unit))
    } else {
        number(value, unit)
    }
}

/// The change over the whole series, in words.
fn overall(change: &Change, unit: &str) -> String {
    let mut text = format!(
        "change {} to {}: {}",
        change.from,
        change.to,
        with_unit(change.absolute, unit)
    );
    if let Some(relative) = change.relative {
        let _ = write!(text, " ({} %)", signed(relative, "percent"));
    }
    if let Some(rate) = change.yearly_rate {
        let _ = write!(text, ", {} % a year", signed(rate, "percent"));
    }
    if let Some(b) = &change.edition_break {
        let _ = write!(
            text,
            "; crosses a change of method ({} → {}): {}",
            b.from_edition, b.to_edition, b.note_en
        );
    }
    text
}

fn csv(dataset: &Dataset, answer: &Series, unit: &str) -> String {
    let mut out = csv_line(&[
        "province",
        "province_name",
        "indicator",
        "unit",
        "period",
        "value",
        "qualifier",
        "derived",
        "cross_check",
        "edition",
        "change",
        "relative_change",
        "yearly_rate",
        "break",
        "national_average",
        "regional_average",
        "source",
        "observation",
    ]);
    let text = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    for point in &answer.points {
        let figure = &point.figure;
        let year = figure.period.calendar_year();
        let change = point.change.as_ref();
        let join = |f: &dyn Fn(&ict_compare::Provenance) -> &str| {
            figure
                .provenance
                .iter()
                .map(f)
                .collect::<Vec<_>>()
                .join(" | ")
        };
        out.push_str(&csv_line(&[
            &answer.province.to_string(),
            &province_name(dataset, answer.province),
            &answer.indicator,
            unit,
            &figure.period.to_string(),
            &text(figure.value),
            figure.qualifier.as_str(),
            &figure
                .derived
                .as_ref()
                .map(|d| d.note.clone())
                .unwrap_or_default(),
            &text(figure.cross_check.as_ref().and_then(|c| c.value)),
            point.edition.as_deref().unwrap_or(""),
            &text(change.map(|c| c.absolute)),
            &text(change.and_then(|c| c.relative)),
            &text(change.and_then(|c| c.yearly_rate)),
            &change
                .and_then(|c| c.edition_break.as_ref())
                .map(|b| b.note_en.clone())
                .unwrap_or_default(),
            &text(average(answer, year, ReferenceKind::National).and_then(|l| l.value)),
            &text(average(answer, year, ReferenceKind::Regional).and_then(|l| l.value)),
            &join(&|p| p.source.as_str()),
            &join(&|p| p.observation.as_str()),
        ]));
    }
    out
}

fn table(dataset: &Dataset, answer: &Series, unit: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}), {}",
        province_name(dataset, answer.province),
        answer.province,
        answer.indicator
    );
    let mut table = vec![
        [
            "period", "value", "change", "yearly", "national", "region", "note",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for point in &answer.points {
        let figure = &point.figure;
        let year = figure.period.calendar_year();
        let mut note = vec![how(figure, unit)];
        if let Some(edition) = &point.edition {
            note.push(format!("edition {edition}"));
        }
        if let Some(b) = point.change.as_ref().and_then(|c| c.edition_break.as_ref()) {
            note.push(format!("BREAK: {}", b.note_en));
        }
        note.retain(|n| !n.is_empty());
        let reference = |kind| {
            average(answer, year, kind)
                .and_then(|l| l.value)
                .map_or_else(String::new, |v| with_unit(v, unit))
        };
        table.push(vec![
            figure.period.to_string(),
            shown(figure, unit).replace(&format!(" ({})", figure.period), ""),
            point
                .change
                .as_ref()
                .map_or_else(String::new, |c| signed(c.absolute, unit)),
            point
                .change
                .as_ref()
                .and_then(|c| c.yearly_rate)
                .map_or_else(String::new, |r| format!("{} %/yr", signed(r, "percent"))),
            reference(ReferenceKind::National),
            reference(ReferenceKind::Regional),
            note.join("; "),
        ]);
    }
    out += &aligned(&table);
    if let Some(change) = &answer.change {
        let _ = writeln!(out, "\n{}", overall(change, unit));
    }
    if answer.points.is_empty() {
        let _ = writeln!(out, "no figure");
    }
    if let Some(reason) = &answer.per_capita_refused {
        out += &aligned(&[vec![format!("note: {reason}")]]);
    }
    if answer.references.lines.is_empty() {
        write_references(&mut out, &answer.references, unit);
    }
    out
}
