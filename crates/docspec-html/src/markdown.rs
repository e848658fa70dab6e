//! Markdown prose to safe HTML: pulldown-cmark's renderer escapes text and attributes
//! and links are rewritten (script URLs neutralized), so only raw HTML written in the
//! Markdown can inject markup: a block that holds any (other than a plain `<br>`) is
//! cleaned by ammonia. This is the only place HTML text is produced in Rust.

use crate::links::SiteLinks;
use pulldown_cmark::{html, CowStr, Event, Parser, Tag, TagEnd};
use serde::Serialize;

/// HTML that went through the sanitizer; the only kind templates print unescaped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct SafeHtml(String);

impl SafeHtml {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

/// Ids the site's own chrome uses; prose may not take them.
pub const RESERVED_ID_PREFIX: &str = "ds-";

const ALERT_CLASSES: &[&str] = &[
    "markdown-alert-note",
    "markdown-alert-tip",
    "markdown-alert-important",
    "markdown-alert-warning",
    "markdown-alert-caution",
];

/// Renders Markdown and cleans the result.
pub struct Markdown {
    cleaner: ammonia::Builder<'static>,
}

impl Default for Markdown {
    fn default() -> Self {
        Self::new()
    }
}

impl Markdown {
    pub fn new() -> Self {
        let mut cleaner = ammonia::Builder::default();
        cleaner
            .add_tag_attributes("code", ["class"])
            .add_tag_attributes("blockquote", ["class"])
            .add_tag_attributes("h2", ["id"])
            .add_tag_attributes("h3", ["id"])
            .add_tag_attributes("h4", ["id"])
            .add_tag_attributes("h5", ["id"])
            .add_tag_attributes("h6", ["id"])
            // One h1 per page: the title. A raw `<h1>` in prose keeps only its text.
            .rm_tags(["h1"])
            .attribute_filter(|element, attribute, value| {
                let keep = match (element, attribute) {
                    ("code", "class") => is_language_class(value),
                    ("blockquote", "class") => ALERT_CLASSES.contains(&value),
                    (_, "id") => is_prose_id(value),
                    _ => true,
                };
                keep.then(|| value.into())
            });
        Markdown { cleaner }
    }

    /// Renders already-transformed events as a block of HTML.
    pub fn render_events<'a>(&self, links: Links<'_>, events: impl Iterator<Item = Event<'a>>) -> SafeHtml {
        let mut out = String::new();
        let mut raw_html = false;
        let events = events.map(|event| {
            if let Event::Html(html) | Event::InlineHtml(html) = &event {
                raw_html |= !is_line_break(html);
            }
            links.site.rewrite_event(links.from, event)
        });
        html::push_html(&mut out, events);
        if raw_html {
            self.clean(&out)
        } else {
            SafeHtml(out)
        }
    }

    /// Renders Markdown as block HTML (paragraphs, lists, tables, ...).
    #[cfg(test)]
    pub fn block(&self, source: &str) -> SafeHtml {
        let site = SiteLinks::default();
        let links = Links { site: &site, from: "" };
        self.render_events(links, Parser::new_ext(source, docspec_parser::markdown_options()))
    }

    /// Renders Markdown as inline HTML only, for titles and table cells: block structure
    /// (a leading `1.` or `#`, quote markers) is flattened into its inline content.
    pub fn inline(&self, links: Links<'_>, source: &str) -> SafeHtml {
        if let Some(html) = plain_html(source) {
            return SafeHtml(html);
        }
        self.parsed_inline(links, source)
    }

    fn parsed_inline(&self, links: Links<'_>, source: &str) -> SafeHtml {
        let source = escape_block_start(source);
        let events = Parser::new_ext(&source, docspec_parser::markdown_options());
        let mut pending_space = false;
        let mut flat: Vec<Event<'_>> = Vec::new();
        for event in events {
            match event {
                Event::Start(tag) if is_inline_tag(&tag) => push(&mut flat, &mut pending_space, Event::Start(tag)),
                Event::End(tag) if is_inline_end(&tag) => flat.push(Event::End(tag)),
                Event::Start(_) | Event::End(_) | Event::Rule => pending_space = !flat.is_empty(),
                Event::SoftBreak | Event::HardBreak => push(&mut flat, &mut pending_space, Event::Text(" ".into())),
                Event::Html(html) => push(&mut flat, &mut pending_space, Event::InlineHtml(html)),
                other => push(&mut flat, &mut pending_space, other),
            }
        }
        self.render_events(links, flat.into_iter())
    }

    fn clean(&self, html: &str) -> SafeHtml {
        SafeHtml(self.cleaner.clean(html).to_string())
    }
}

/// The page links are resolved from.
#[derive(Clone, Copy)]
pub struct Links<'a> {
    pub site: &'a SiteLinks,
    /// The input path of the page.
    pub from: &'a str,
}

/// `<br>`, which tables use for line breaks and which needs no cleaning.
fn is_line_break(html: &CowStr<'_>) -> bool {
    let t = html.trim();
    ["<br>", "<br/>", "<br />"].iter().any(|b| t.eq_ignore_ascii_case(b))
}

/// Escapes a list, heading, or quote marker at the start, so `1. ID` stays text.
fn escape_block_start(source: &str) -> std::borrow::Cow<'_, str> {
    let trimmed = source.trim_start();
    let lead = source.len() - trimmed.len();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let after = |at: usize| trimmed[at..].chars().next();
    let at = if matches!(after(0), Some('#' | '>' | '='))
        || (matches!(after(0), Some('-' | '+' | '*')) && matches!(after(1), Some(' ' | '\t') | None))
    {
        Some(lead)
    } else if digits > 0 && digits < 10 && matches!(after(digits), Some('.' | ')')) {
        Some(lead + digits)
    } else {
        None
    };
    match at {
        Some(at) => format!("{}\\{}", &source[..at], &source[at..]).into(),
        None => source.into(),
    }
}

/// The HTML of a cell that Markdown leaves as it is but for code spans, written without
/// the parser, whose set-up is a third of a short cell's cost: it starts with a letter or
/// a code span, does not end with a space, and its text holds only letters, digits,
/// spaces and punctuation that starts no Markdown. Each code span has single backticks
/// and code with no space at either end and nothing HTML escapes; it is written in
/// `<code>`. `None` for anything else, which the parser renders.
fn plain_html(source: &str) -> Option<String> {
    let starts_well = source.starts_with('`') || source.chars().next().is_some_and(char::is_alphabetic);
    // Backticks in pairs, never two in a row: each pair is a span of single backticks.
    let backticks = source.matches('`').count();
    if !starts_well || source.ends_with(' ') || backticks % 2 == 1 || source.contains("``") {
        return None;
    }
    let mut html = String::with_capacity(source.len() + 16 * backticks);
    for (i, part) in source.split('`').enumerate() {
        if i % 2 == 1 {
            let simple = !part.starts_with(' ')
                && !part.ends_with(' ')
                && !part.contains(['&', '<', '>', '\\', '|', '\n', '\r', '\t']);
            if !simple {
                return None;
            }
            html.push_str("<code>");
            html.push_str(part);
            html.push_str("</code>");
        } else if is_plain_text(part) {
            html.push_str(part);
        } else {
            return None;
        }
    }
    Some(html)
}

fn is_plain_text(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_alphanumeric()
            || matches!(
                c,
                ' ' | ',' | '.' | ';' | ':' | '(' | ')' | '\'' | '/' | '?' | '%' | '-' | '='
            )
    })
}

fn push<'a>(flat: &mut Vec<Event<'a>>, pending_space: &mut bool, event: Event<'a>) {
    if std::mem::take(pending_space) {
        flat.push(Event::Text(" ".into()));
    }
    flat.push(event);
}

fn is_inline_tag(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
    )
}

fn is_inline_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image
    )
}

fn is_language_class(value: &str) -> bool {
    value.strip_prefix("language-").is_some_and(|lang| {
        !lang.is_empty()
            && lang
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+'))
    })
}

fn is_prose_id(value: &str) -> bool {
    !value.is_empty() && !value.starts_with(RESERVED_ID_PREFIX) && !value.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inline(md: &Markdown, source: &str) -> SafeHtml {
        let site = SiteLinks::default();
        md.inline(Links { site: &site, from: "" }, source)
    }

    #[test]
    fn inline_flattens_blocks() {
        let md = Markdown::new();
        assert_eq!(inline(&md, "1. ID of `x`").as_str(), "1. ID of <code>x</code>");
        assert_eq!(inline(&md, "# Heading *em*").as_str(), "# Heading <em>em</em>");
        assert_eq!(inline(&md, "- item").as_str(), "- item");
        assert_eq!(inline(&md, "*em*").as_str(), "<em>em</em>");
        assert_eq!(inline(&md, "x\n> y").as_str(), "x y");
        assert_eq!(inline(&md, "a<br>b").as_str(), "a<br>b");
    }

    /// Every text the shortcut takes renders as the parser renders it: all texts of up to
    /// three characters of an alphabet mixing what it takes and what it must not, then
    /// longer ones drawn from it.
    #[test]
    fn plain_text_renders_as_the_parser_renders_it() {
        let md = Markdown::new();
        let site = SiteLinks::default();
        let links = Links { site: &site, from: "" };
        let alphabet = [
            "a",
            "Z",
            "1",
            " ",
            "  ",
            ".",
            "-",
            "(",
            ")",
            ":",
            "/",
            "'",
            "?",
            "%",
            "=",
            ",",
            ";",
            "é",
            "数",
            "\u{a0}",
            "*",
            "_",
            "`",
            "&",
            "<",
            ">",
            "\n",
            "\t",
            "+",
            "#",
            "\"",
            "[",
            "]",
            "!",
            "~",
            "\\",
            "|",
            "1.",
            "https://x.y/z",
            "www.x.y",
            "a@b.c",
            "`id`",
            "` x`",
            "`a b`",
            "`*x*`",
            "`[a](b)`",
            "`<x>`",
            "`https://x.y`",
        ];
        let mut texts = crate::texts_of(&alphabet, 3);
        let mut seed = 7u64;
        for n in 0..40_000 {
            let mut text = String::from(if n % 2 == 0 { "A" } else { "`" });
            for _ in 0..8 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            texts.push(text);
        }
        let (mut plain, mut with_code) = (0, 0);
        for text in &texts {
            if let Some(html) = plain_html(text) {
                if text.contains('`') {
                    with_code += 1;
                } else {
                    plain += 1;
                }
                assert_eq!(html, md.parsed_inline(links, text).as_str(), "{text:?}");
            }
        }
        assert!(
            plain > 1000 && with_code > 1000,
            "{plain} plain, {with_code} with code spans"
        );
    }

    #[test]
    fn sanitizes_raw_html() {
        let md = Markdown::new();
        let out = md.block("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> <a href=\"javascript:x\">a</a>");
        assert!(!out.as_str().contains("<script"), "{out:?}");
        assert!(!out.as_str().contains("onerror"), "{out:?}");
        assert!(!out.as_str().contains("javascript"), "{out:?}");
    }

    #[test]
    fn only_raw_html_goes_through_the_cleaner() {
        let md = Markdown::new();
        let out = md.block("a<br>b `<i>` and <kbd onclick=x>k</kbd>");
        assert!(out.as_str().contains("<br>"), "{out:?}");
        assert!(!out.as_str().contains("onclick"), "{out:?}");
        let plain = md.block("Text with `<script>` in code and a <br/> break.");
        assert!(plain.as_str().contains("&lt;script&gt;"), "{plain:?}");
    }

    #[test]
    fn keeps_code_language_and_alert_classes_only() {
        let md = Markdown::new();
        let out = md.block("```json\n{}\n```\n\n> [!warning]\n> Careful\n\n<p class=\"evil\">x</p>");
        assert!(out.as_str().contains(r#"<code class="language-json">"#), "{out:?}");
        assert!(out.as_str().contains(r#"class="markdown-alert-warning""#), "{out:?}");
        assert!(!out.as_str().contains("evil"), "{out:?}");
    }
}
