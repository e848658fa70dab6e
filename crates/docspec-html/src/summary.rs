//! What the site keeps of a page besides its search entries: section counts for the
//! index, links to pages that are not rendered or to anchors other pages lack, and the
//! API index page's grouping.

use crate::data::AnchorLink;
use crate::links::{SiteLinks, Target};
use crate::{PageInput, SiteFinding};
use docspec_model::Page;

/// The methods inside the section of heading `h`, up to the next heading of its level or higher.
pub fn methods_within(page: &Page, h: usize) -> usize {
    let Some(heading) = page.headings.get(h) else {
        return 0;
    };
    let end = page.headings[h + 1..]
        .iter()
        .find(|o| o.level <= heading.level)
        .map_or(usize::MAX, |o| o.range.start());
    let start = heading.range.start();
    page.methods()
        .filter(|m| (start..end).contains(&m.range.start()))
        .count()
}

/// Links to docs pages that are not rendered, when no `docs_base_url` says where they
/// are: each one reported once.
pub fn outside_links(input: &PageInput<'_>, site: &SiteLinks) -> Vec<SiteFinding> {
    input
        .page
        .links
        .iter()
        .filter_map(|link| match site.target(input.path, &link.dest) {
            Target::Outside(_) => {
                let at = input.source.line_col(link.range.start());
                Some(SiteFinding {
                    path: input.source.path().to_string(),
                    line: at.line,
                    column: at.column,
                    code: crate::OUTSIDE_LINK.0,
                    name: crate::OUTSIDE_LINK.1,
                    message: format!(
                        "the link to `{}` points at a page that is not rendered; set `render.docs_base_url` to send such links to the published docs",
                        link.dest
                    ),
                })
            }
            _ => None,
        })
        .collect()
}

/// Links to anchors of other rendered pages, to check once their anchors are known.
pub fn anchor_links(input: &PageInput<'_>, site: &SiteLinks) -> Vec<AnchorLink> {
    input
        .page
        .links
        .iter()
        .filter(|link| site.anchor_target(input.path, &link.dest).is_some())
        .map(|link| {
            let at = input.source.line_col(link.range.start());
            AnchorLink {
                line: u32::try_from(at.line).unwrap_or(u32::MAX),
                column: u32::try_from(at.column).unwrap_or(u32::MAX),
                dest: link.dest.as_str().into(),
            }
        })
        .collect()
}

/// Each page's links to an anchor that their target page does not define (`BROKEN_ANCHOR`).
pub fn broken_anchors(summaries: &[crate::PageSummary], site: &SiteLinks) -> Vec<Vec<SiteFinding>> {
    let anchors: std::collections::HashMap<&str, &docspec_model::PageAnchors> =
        summaries.iter().map(|s| (s.key.as_str(), &s.anchors)).collect();
    summaries
        .iter()
        .map(|s| {
            s.anchor_links
                .iter()
                .filter_map(|l| {
                    let (target, fragment) = site.anchor_target(&s.path, &l.dest)?;
                    let known = anchors.get(target.as_str())?;
                    if known.resolves(fragment) {
                        return None;
                    }
                    let nearest: Vec<String> = known.nearest(fragment).iter().map(|a| format!("`#{a}`")).collect();
                    let hint = if nearest.is_empty() {
                        String::new()
                    } else {
                        format!("; did you mean {}?", nearest.join(" or "))
                    };
                    Some(SiteFinding {
                        path: s.display_path.clone(),
                        line: l.line as usize,
                        column: l.column as usize,
                        code: crate::BROKEN_ANCHOR.0,
                        name: crate::BROKEN_ANCHOR.1,
                        message: format!(
                            "the link to `{}` points at an anchor that no heading of `{target}` has{hint}",
                            l.dest
                        ),
                    })
                })
                .collect()
        })
        .collect()
}

/// The API index page's headings with the rendered pages it links under each.
pub fn index_links(input: &PageInput<'_>, site: &SiteLinks, out_path: &str) -> Vec<(String, Vec<String>)> {
    let page = input.page;
    let dir = out_path.rsplit_once('/').map_or("", |(d, _)| d);
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    let mut heading = 0;
    for link in &page.links {
        while page
            .headings
            .get(heading)
            .is_some_and(|h| h.range.start() < link.range.start())
        {
            let h = &page.headings[heading];
            if h.level >= 2 {
                groups.push((h.text.clone(), Vec::new()));
            }
            heading += 1;
        }
        let Target::Rewrite(href) = site.target(input.path, &link.dest) else {
            continue;
        };
        if href.contains(':') || href == "#" {
            continue;
        }
        let path = href.split(['#', '?']).next().unwrap_or("");
        let full = crate::site::join(dir, path);
        // Links in the introduction, before the first heading, group nothing.
        if let Some((_, pages)) = groups.last_mut() {
            if !pages.contains(&full) {
                pages.push(full);
            }
        }
    }
    groups.retain(|(_, pages)| !pages.is_empty());
    groups
}
