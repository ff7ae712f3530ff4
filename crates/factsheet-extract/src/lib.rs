//! A draft fact sheet from the articles themselves, for an editor to review.
//!
//! `extract` reads plain-text (or Markdown) articles as archived, headline first, and
//! proposes a sheet in the project's format: sources with their date lines, figures with
//! their hedge, unit, claimant and as-of date, quotes with their speaker, statements, orders
//! and notices, parties with their aliases merged across articles, and conflicts between
//! figures or claims. Every quote is a verbatim span of its article; every item carries a
//! [`Proposal`] (confidence and reason), which validation refuses until an editor removes it.
//!
//! The rules are general English news conventions ("according to", "X said", "as many as",
//! a trailing agency attribution); nothing here knows any story. Published quote-attribution
//! systems reach 57-83% F1, so the output is a draft, never a sheet to ship.
//!
//! No I/O and no clock: bytes in, a sheet out, so the same code runs in `cargo xtask extract`
//! and, later, in a browser editor (wasm32).

mod article;
mod assemble;
mod attribution;
mod dates;
mod figures;
mod introduced;
mod names;
mod quotes;
mod tokens;

pub use article::{read, Article, MAX_BYTES};
use factsheet_model::{Proposal, Sheet};

/// What extraction gives: the draft, and what the editor should know about the input (one
/// line each, naming the file).
#[derive(Debug)]
pub struct Draft {
    pub sheet: Sheet,
    pub notes: Vec<String>,
}

/// Proposes a sheet from `articles` (in the order given; the first gives the headline).
pub fn extract(articles: &[Article]) -> Draft {
    assemble::draft(articles)
}

pub(crate) fn proposal(confidence: f64, reason: impl Into<String>) -> Option<Proposal> {
    Some(Proposal {
        confidence: (confidence.clamp(0.05, 0.95) * 100.0).round() / 100.0,
        reason: reason.into(),
    })
}
