//! One tag per page: its title, unique over the document (a second page with the same
//! title gets its file name added, and a finding), described by its front matter
//! `description` or its whole introduction.

use crate::codes;
use crate::links::Links;
use crate::stream::PageScan;
use crate::{Finding, PageInput};
use docspec_diagnostics::Diagnostic;
use docspec_model::Page;
use openapiv3::Tag;
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

pub struct Tags {
    /// The tag of each input (by index), for the pages with operations.
    names: HashMap<usize, String>,
    descriptions: BTreeMap<String, Option<String>>,
}

impl Tags {
    /// Tags for the pages (sorted) that give operations; findings go to each page's list.
    pub fn new(scans: &[PageScan], used: &BTreeSet<usize>, links: &Links, findings: &mut [Vec<Finding>]) -> Self {
        let mut names = HashMap::default();
        let mut descriptions = BTreeMap::new();
        let mut first_with: HashMap<String, usize> = HashMap::default();
        for &i in used {
            let scan = &scans[i];
            let title = scan.title.clone();
            let name = match first_with.get(&title) {
                None => {
                    first_with.insert(title.clone(), i);
                    title
                }
                Some(&first) => {
                    let name = format!("{title} ({})", stem(&scan.path));
                    let (range, lc) = scan.title_at;
                    let kind = codes::DUPLICATE_TAG;
                    findings[i].push(Finding {
                        path: scan.path.clone(),
                        line: lc.line,
                        column: lc.column,
                        diagnostic: Diagnostic::new(
                            kind.code,
                            kind.name,
                            kind.default_severity,
                            format!(
                                "`{title}` is also the title of {}; this page's operations are tagged `{name}`",
                                scans[first].path
                            ),
                            range,
                        ),
                    });
                    name
                }
            };
            let description = scan.description.as_ref().map(|d| links.rewrite(&scan.path, d));
            descriptions.insert(name.clone(), description);
            names.insert(i, name);
        }
        Self { names, descriptions }
    }

    pub fn name(&self, input: usize) -> &str {
        self.names.get(&input).map_or("", String::as_str)
    }

    /// The tags of the given inputs (those whose operations made it into the document).
    pub fn into_tags(self, kept: &BTreeSet<usize>) -> Vec<Tag> {
        let used: BTreeSet<&String> = kept.iter().filter_map(|i| self.names.get(i)).collect();
        self.descriptions
            .iter()
            .filter(|(name, _)| used.contains(name))
            .map(|(name, description)| (name.clone(), description.clone()))
            .map(|(name, description)| Tag {
                name,
                description,
                ..Tag::default()
            })
            .collect()
    }
}

/// The page's title, or its path.
pub fn title(input: &PageInput<'_>) -> String {
    input
        .page
        .title_text()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map_or_else(|| input.path.to_string(), str::to_string)
}

fn stem(path: &str) -> &str {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".md").unwrap_or(file)
}

/// The front matter's `description`, else the page's introduction: everything from its
/// first paragraph to its first heading (a list after `... for:` belongs to it).
pub fn description(input: &PageInput<'_>) -> Option<String> {
    front_matter_description(input).or_else(|| intro(input.page, input))
}

fn front_matter_description(input: &PageInput<'_>) -> Option<String> {
    let fm = input.page.front_matter.as_ref().filter(|f| f.closed)?;
    let text = input.source.slice(fm.range);
    let body: Vec<&str> = text.lines().skip(1).take_while(|l| l.trim() != "---").collect();
    let value: serde_yaml::Value = serde_yaml::from_str(&body.join("\n")).ok()?;
    let d = value.get("description")?.as_str()?.trim();
    (!d.is_empty()).then(|| d.to_string())
}

fn intro(page: &Page, input: &PageInput<'_>) -> Option<String> {
    let first_method = page.methods().map(|m| m.range.start()).min().unwrap_or(usize::MAX);
    let first_heading = page
        .headings
        .iter()
        .filter(|h| h.level >= 2)
        .map(|h| h.range.start())
        .min()
        .unwrap_or(usize::MAX);
    let limit = first_method.min(first_heading).min(input.source.text().len());
    let first = page
        .paragraphs
        .iter()
        .filter(|p| p.range.end() <= limit)
        .find(|p| !p.text.trim().is_empty())?;
    let text = input.source.text().get(first.range.start()..limit)?.trim();
    (!text.is_empty()).then(|| docspec_model::lf_lines(text).into_owned())
}
