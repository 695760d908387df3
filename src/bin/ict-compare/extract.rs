//! `extract`: proposes the figures of a report's text, for an editor to confirm.
//!
//! The CSV is the dataset's observation format (`observations.csv`'s twelve columns) followed by
//! two columns for the editor, `suggestions` and `confidence`: the editor fills in
//! `indicator_id`, drops the rows that are not figures and the last two columns, and appends the
//! rows to `data/observations.csv`, which `ict-compare validate` then checks.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use ict_compare::{
    Candidate, Dataset, Error, ErrorKind, ExtractOptions, Extraction, MAX_TEXT_BYTES, Period,
    ProvinceId, Unit, extract_bytes, is_source_id,
};

use crate::output::{aligned, csv_line};
use crate::{Format, Options};

/// The columns of `observations.csv`, then the editor's two.
const HEADER: [&str; 14] = [
    "observation_id",
    "province",
    "indicator_id",
    "period",
    "value",
    "out_of",
    "qualifier",
    "is_target",
    "scope",
    "source_id",
    "quote",
    "note",
    "suggestions",
    "confidence",
];

pub(crate) fn run_extract(options: &Options) -> Result<ExitCode, Error> {
    let file = options.file.as_deref().ok_or_else(|| {
        Error::request("extract needs a text file: ict-compare extract <file.txt>")
    })?;
    let (province, published, format) = (
        options.province.as_deref(),
        options.published.as_deref(),
        options.format,
    );
    let dataset = Dataset::bundled()?;
    let province: Option<ProvinceId> = province
        .map(|text| {
            text.parse::<ProvinceId>()
                .ok()
                .filter(|id| dataset.reference().province(*id).is_some())
                .ok_or_else(|| {
                    Error::new(ErrorKind::UnknownProvince {
                        id: text.to_owned(),
                    })
                })
        })
        .transpose()?;
    let published = published
        .map(|text| match text.parse::<Period>() {
            Ok(period) => Ok(period),
            Err(()) => Err(Error::request(format!(
                "--published {text:?}: expected a date YYYY-MM-DD, the year from {} to {}",
                Period::YEARS.start(),
                Period::YEARS.end()
            ))),
        })
        .transpose()?;
    let bytes = report_bytes(file)?;
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
    let options = ExtractOptions::for_report(province, published, dataset.reference().provinces());
    let extraction = extract_bytes(&bytes, name.as_deref(), dataset.indicators(), &options)?;
    let source_id = file
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|stem| is_source_id(stem));
    let text = match format {
        Format::Json => serde_json::to_string_pretty(&extraction)
            .map(|json| json + "\n")
            .map_err(|e| Error::request(format!("cannot write JSON: {e}")))?,
        Format::Csv => csv(&dataset, &extraction, province, source_id),
        Format::Table => table(&extraction),
    };
    write_out(&text)
}

/// A report's bytes, read no further than one byte past the extractor's limit: a device or a
/// pipe that never ends (`/dev/zero`, `yes | …`) is refused as too large, not read forever.
fn report_bytes(file: &Path) -> Result<Vec<u8>, Error> {
    let io = |error: io::Error| {
        Error::new(ErrorKind::Io {
            message: format!("{}: {error}", file.display()),
        })
    };
    let mut bytes = Vec::new();
    File::open(file)
        .map_err(io)?
        .take(MAX_TEXT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > MAX_TEXT_BYTES {
        // A file says its size; a stream is at least one byte over.
        let size = file
            .metadata()
            .map_or(0, |m| m.len())
            .max(bytes.len() as u64);
        return Err(Error::new(ErrorKind::TooLarge {
            size,
            limit: MAX_TEXT_BYTES as u64,
        }));
    }
    Ok(bytes)
}

/// The value an editor would record: in the unit of the best suggestion when it is money
/// (`4.822 triệu đồng` as 4.822 billion), otherwise the number times its scale.
fn recorded_value(dataset: &Dataset, candidate: &Candidate) -> f64 {
    let unit = candidate
        .suggestions
        .first()
        .and_then(|s| dataset.indicator(&s.indicator))
        .map_or(candidate.unit, |i| i.unit);
    candidate
        .value_in(unit)
        .or_else(|| candidate.value_in(Unit::Count))
        .unwrap_or(candidate.value)
}

fn csv(
    dataset: &Dataset,
    extraction: &Extraction,
    province: Option<ProvinceId>,
    source_id: Option<&str>,
) -> String {
    let mut out = csv_line(&HEADER);
    for (i, candidate) in extraction.candidates.iter().enumerate() {
        let id = source_id.map_or(String::new(), |s| format!("{s}-{:03}", i + 1));
        let suggestions: Vec<String> = candidate
            .suggestions
            .iter()
            .map(|s| format!("{} {}", s.indicator, s.score))
            .collect();
        out.push_str(&csv_line(&[
            &id,
            &province.map(|p| p.to_string()).unwrap_or_default(),
            "",
            &candidate.period.map(|p| p.to_string()).unwrap_or_default(),
            &recorded_value(dataset, candidate).to_string(),
            &candidate.out_of.map(|v| v.to_string()).unwrap_or_default(),
            candidate.qualifier.as_str(),
            &candidate.is_target.to_string(),
            "province",
            source_id.unwrap_or(""),
            &candidate.quote,
            "",
            &suggestions.join("; "),
            &candidate.confidence.to_string(),
        ]));
    }
    out
}

fn table(extraction: &Extraction) -> String {
    let mut rows = vec![
        [
            "#",
            "figure",
            "unit",
            "counts",
            "period",
            "target",
            "suggestion",
            "quote",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for (i, c) in extraction.candidates.iter().enumerate() {
        let quote: String = c.quote.chars().take(60).collect();
        rows.push(vec![
            (i + 1).to_string(),
            // As written, with every decimal the report gives (0,4526; 85/85; 60-80; 1,2 triệu),
            // and its scale word unless written with it (25 tỷ 500 triệu).
            format!(
                "{}{}{}",
                c.qualifier.symbol(),
                c.written,
                if c.written.ends_with(|d: char| d.is_ascii_digit()) {
                    scale_word(c.scale)
                } else {
                    ""
                }
            ),
            c.unit.as_str().to_owned(),
            c.counted.chars().take(30).collect(),
            c.period.map(|p| p.to_string()).unwrap_or_default(),
            if c.is_target { "target" } else { "" }.to_owned(),
            c.suggestions
                .first()
                .map(|s| format!("{} ({})", s.indicator, s.score))
                .unwrap_or_default(),
            if quote.len() < c.quote.len() {
                quote + "…"
            } else {
                quote
            },
        ]);
    }
    let mut out = aligned(&rows);
    let mut reasons: Vec<(&str, usize)> = Vec::new();
    for rejected in &extraction.rejected {
        match reasons
            .iter_mut()
            .find(|(r, _)| *r == rejected.reason.as_str())
        {
            Some((_, n)) => *n += 1,
            None => reasons.push((rejected.reason.as_str(), 1)),
        }
    }
    let listed: Vec<String> = reasons.iter().map(|(r, n)| format!("{r} {n}")).collect();
    let _ = writeln!(
        out,
        "\n{} candidate figures; {} numbers set aside ({})",
        extraction.candidates.len(),
        extraction.rejected.len(),
        listed.join(", ")
    );
    out
}

/// The scale word a number was written with.
fn scale_word(scale: f64) -> &'static str {
    match scale {
        1e3 => " nghìn",
        1e6 => " triệu",
        1e9 => " tỷ",
        1e12 => " nghìn tỷ",
        1e15 => " triệu tỷ",
        _ => "",
    }
}

/// Writes to standard output; a reader that closed the pipe early is not an error.
fn write_out(text: &str) -> Result<ExitCode, Error> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(error) => Err(Error::new(ErrorKind::Io {
            message: format!("standard output: {error}"),
        })),
    }
}
