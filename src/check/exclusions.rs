//! `exclusions.csv`: the numbers of the reports that are not figures, each with its quote and
//! why. With the figures' quotes they account for every number of every report, so each is
//! held to its report as a figure's quote is: the report exists, the quote is in it word for
//! word, and the reason is given. This module reads the file; it knows nothing of the figures.

use std::collections::HashMap;

use super::occurrences::occurring_by_report;

use crate::error::{Error, ErrorKind, Result};
use crate::parse::{Record, Schema, Table};

static EXCLUSIONS: Schema = Schema {
    required: &["source_id", "quote", "reason"],
    optional: &[],
};

/// Every row of `exclusions.csv` (`text`) against the reports' texts by source id: an unknown
/// report, a quote not in its report or an empty reason is an error at its field. Each report
/// is read once for all its quotes.
pub fn exclusions(
    text: &str,
    file: &str,
    source_texts: &HashMap<String, String, impl std::hash::BuildHasher>,
) -> Result<Vec<Error>> {
    let mut quotes: HashMap<&str, Vec<String>> = HashMap::new();
    let mut table = Table::open(text, Some(file), &EXCLUSIONS)?;
    while table.next()? {
        if let Some((source, _)) = source_texts.get_key_value(table.text(0)) {
            quotes
                .entry(source.as_str())
                .or_default()
                .push(table.text(1).to_owned());
        }
    }
    let found = occurring_by_report(&quotes, source_texts);
    let mut table = Table::open(text, Some(file), &EXCLUSIONS)?;
    let mut errors = Vec::new();
    while table.next()? {
        let source = table.text(0);
        let Some(found) = found.get(source) else {
            let id = source.to_owned();
            errors.push(table.error(0, ErrorKind::UnknownSource { id }));
            continue;
        };
        let quote = table.required(1);
        let reason = table.required(2);
        match (quote, reason) {
            (Err(error), _) | (_, Err(error)) => errors.push(error),
            (Ok(quote), Ok(_)) if !found.contains(quote) => {
                let source_id = source.to_owned();
                errors.push(table.error(1, ErrorKind::QuoteNotInSource { source_id }));
            }
            (Ok(_), Ok(_)) => {}
        }
    }
    Ok(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_exclusion_quotes_a_report_and_gives_a_reason() {
        let texts: HashMap<String, String> =
            [("r".to_owned(), "Ngày 10/9/2016, có 12 trạm.".to_owned())].into();
        let text = "source_id,quote,reason\n\
                    r,Ngày 10/9/2016,a date\n\
                    r,Ngày 11/9/2016,a date\n\
                    x,Ngày 10/9/2016,a date\n\
                    r,Ngày 10/9/2016,\n";
        let errors = exclusions(text, "e.csv", &texts).expect("reads");
        let said: Vec<(u64, &str)> = errors
            .iter()
            .map(|e| (e.position().map_or(0, |p| p.line), e.kind().code()))
            .collect();
        assert_eq!(
            said,
            [
                (3, "quoteNotInSource"),
                (4, "unknownSource"),
                (5, "emptyField")
            ]
        );
    }
}
