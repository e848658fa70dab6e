//! A report written as pages finish: each chunk of pages is formatted in parallel and
//! written in run order. SARIF and JUnit documents open with what only the end knows
//! (the rules with findings, the counts), so their pages wait in a spool, not in memory.

use super::spool::Spool;
use super::{concise, github, gitlab, human, is_fixable, json, junit, sarif, summary_of, FileReport, Totals};
use crate::args::LintFormat;
use crate::stream::Finished;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::Write;

pub struct Sink<'w> {
    format: LintFormat,
    color: bool,
    out: &'w mut dyn Write,
    totals: Totals,
    /// Findings per rule, and whether `--fix` fixes some, for `--statistics`.
    rules: BTreeMap<(&'static str, &'static str), (usize, bool)>,
    /// The SARIF results or JUnit suites written so far, and whether it holds any.
    spool: Option<Spool>,
    spooled: bool,
    /// JUnit's test cases.
    tests: usize,
    /// A JSON array has been opened (its first finding written).
    array_open: bool,
}

impl<'w> Sink<'w> {
    pub fn new(format: LintFormat, color: bool, out: &'w mut dyn Write) -> Self {
        Self {
            format,
            color,
            out,
            totals: Totals::default(),
            rules: BTreeMap::new(),
            spool: None,
            spooled: false,
            tests: 0,
            array_open: false,
        }
    }

    /// Writes (or keeps) the next pages of the run, in order.
    pub fn pages(&mut self, mut pages: Vec<Finished>) -> std::io::Result<()> {
        for page in &pages {
            self.totals.add(&page.diagnostics);
            for d in &page.diagnostics {
                let entry = self.rules.entry((d.code, d.name)).or_default();
                entry.0 += 1;
                entry.1 |= is_fixable(d);
            }
        }
        let (format, color) = (self.format, self.color);
        if format == LintFormat::Junit {
            self.tests += pages
                .iter()
                .map(|p| junit::tests_of(p.diagnostics.len()))
                .sum::<usize>();
        }
        let fragments: Vec<Vec<u8>> = pages
            .par_iter_mut()
            .map(|page| {
                let diagnostics = std::mem::take(&mut page.diagnostics);
                fragment(format, color, &view(page, diagnostics))
            })
            .collect();
        for fragment in fragments.iter().filter(|f| !f.is_empty()) {
            match format {
                LintFormat::Json | LintFormat::Gitlab => {
                    self.out.write_all(if self.array_open { b",\n" } else { b"[\n" })?;
                    self.array_open = true;
                    self.out.write_all(fragment)?;
                }
                LintFormat::Sarif | LintFormat::Junit => {
                    let spool = self.spool.get_or_insert_with(Spool::new);
                    if self.spooled && format == LintFormat::Sarif {
                        spool.write_all(b",\n")?;
                    }
                    self.spooled = true;
                    spool.write_all(fragment)?;
                }
                _ => self.out.write_all(fragment)?,
            }
        }
        Ok(())
    }

    /// Ends the report; the counts, for the exit status and the summary line.
    pub fn finish(self) -> std::io::Result<Summary> {
        match self.format {
            LintFormat::Human | LintFormat::Concise => writeln!(self.out, "{}", summary_of(&self.totals))?,
            LintFormat::Json | LintFormat::Gitlab if self.array_open => self.out.write_all(b"\n]\n")?,
            LintFormat::Json | LintFormat::Gitlab => self.out.write_all(b"[]\n")?,
            LintFormat::Github => {}
            LintFormat::Sarif => {
                let results = self.spool.map(Spool::into_reader).transpose()?;
                let codes = self.rules.keys().map(|(code, _)| *code);
                sarif::write(codes, results, self.out)?;
            }
            LintFormat::Junit => {
                let failures = self.totals.errors + self.totals.warnings + self.totals.infos;
                let mut suites: Box<dyn std::io::BufRead> = match self.spool {
                    Some(spool) => spool.into_reader()?,
                    None => Box::new(std::io::empty()),
                };
                junit::write(self.tests, failures, &mut *suites, self.out)?;
            }
        }
        Ok(Summary {
            totals: self.totals,
            rules: self.rules,
        })
    }
}

/// What a finished report counted.
pub struct Summary {
    pub totals: Totals,
    pub rules: BTreeMap<(&'static str, &'static str), (usize, bool)>,
}

impl Summary {
    /// `--statistics`: findings per rule, most frequent first.
    pub fn write_statistics(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let mut rows: Vec<_> = self.rules.iter().collect();
        rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        for ((code, name), (count, fixable)) in rows {
            let mark = if *fixable { "[*]" } else { "   " };
            writeln!(out, "{count:>6}  {code:<6} {mark} {name}")?;
        }
        Ok(())
    }
}

/// The report view of a page, with the findings handed to it.
fn view(page: &Finished, diagnostics: Vec<docspec_diagnostics::Diagnostic>) -> FileReport<'_> {
    FileReport {
        path: page.source.path(),
        source: &page.source,
        diagnostics,
    }
}

/// One page's part of the report.
fn fragment(format: LintFormat, color: bool, report: &FileReport<'_>) -> Vec<u8> {
    let reports = std::slice::from_ref(report);
    let written = |write: &mut dyn FnMut(&mut Vec<u8>) -> std::io::Result<()>| {
        let mut out = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = write(&mut out);
        out
    };
    match format {
        LintFormat::Human => written(&mut |out| human::write_findings(reports, color, out)),
        LintFormat::Concise => written(&mut |out| concise::write_lines(reports, color, out)),
        LintFormat::Github => written(&mut |out| {
            github::write(reports, out);
            Ok(())
        }),
        LintFormat::Gitlab => gitlab::fragment(report),
        LintFormat::Sarif => sarif::fragment(report),
        LintFormat::Junit => junit::fragment(report),
        LintFormat::Json => json::fragment(report),
    }
}
