//! What dates a report's figures besides their own sentences: its publication, and the one
//! year its title names. A title is read over its first short lines ("BÁO CÁO" over what it
//! reports on), and a year of the work it announces is not the report's ("tổng kết công tác
//! năm 2023, triển khai nhiệm vụ năm 2024" reviews 2023).

use super::mentions;
use crate::extract::context::contains_phrase;
use crate::extract::tokens::Token;
use crate::model::Period;

/// The most words a title's line has; a longer first line is the text itself.
const TITLE_WORDS: usize = 30;

/// The most lines a title has ("BÁO CÁO", then what it reports on, then whose).
const TITLE_LINES: usize = 3;

/// Words that announce work to come: a year after them in a title is the plan's, not the
/// report's ("triển khai nhiệm vụ năm 2024", "phương hướng năm 2024").
const WORK_TO_COME: &[&str] = &["nhiệm vụ", "kế hoạch", "phương hướng", "triển khai"];

/// Words that review work done, whatever else the part names ("Kết quả thực hiện nhiệm vụ …
/// năm 2023").
const WORK_DONE: &[&str] = &["kết quả", "tổng kết", "sơ kết", "đánh giá"];

/// Whether the part of a title before a year (since its last comma, semicolon or "và")
/// announces work to come and reviews none.
fn announces_work(before: &str) -> bool {
    let lower = before.to_lowercase();
    let part = lower.rsplit([',', ';']).next().unwrap_or(&lower);
    let part = part.rsplit(" và ").next().unwrap_or(part);
    WORK_TO_COME.iter().any(|w| contains_phrase(part, w))
        && !WORK_DONE.iter().any(|w| contains_phrase(part, w))
}

/// What dates a report's figures besides their own sentences.
#[derive(Debug, Clone, Copy, Default)]
pub(in crate::extract) struct Dating {
    /// The publication date.
    pub(in crate::extract) published: Option<Period>,
    /// The one year the title names, when it names one not after the publication.
    pub(in crate::extract) title_year: Option<u16>,
}

impl Dating {
    /// Reads the title of `text`: its first lines with words, up to [`TITLE_LINES`] of them,
    /// each short, up to a blank line ("BÁO CÁO" over "Kết quả chuyển đổi số năm 2023"); a
    /// line after the first that ends a sentence is the text's lead, and ends the title. The
    /// years of the work it announces ("triển khai nhiệm vụ năm 2024" after "tổng kết công tác
    /// năm 2023") are not the report's.
    pub(in crate::extract) fn of(text: &str, tokens: &[Token], published: Option<Period>) -> Self {
        let mut years: Vec<u16> = Vec::new();
        let mut start = text.len() - text.trim_start().len();
        for index in 0..TITLE_LINES {
            let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            let line = text[start..end].trim_end();
            let sentence = line.ends_with('.');
            // A line after the first that ends a sentence is the text's lead, not its title.
            if line.is_empty()
                || line.split_whitespace().count() > TITLE_WORDS
                || index > 0 && sentence
            {
                break;
            }
            years.extend(
                mentions(text, &(start..end), tokens)
                    .into_iter()
                    .filter(|m| !m.horizon && !m.compared && !announces_work(&text[start..m.at]))
                    .map(|m| m.year),
            );
            if sentence || line.ends_with(':') || end == text.len() {
                break;
            }
            start = end + 1;
        }
        years.sort_unstable();
        years.dedup();
        let title_year = match years[..] {
            [year] if published.is_none_or(|p| year <= p.calendar_year()) => Some(year),
            _ => None,
        };
        Dating {
            published,
            title_year,
        }
    }
}
