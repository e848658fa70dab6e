//! The success sentence: `If successful, returns [`200 OK`](link) and ...`.

use docspec_model::{plain_text, Inline, Spanned, SuccessForm, SuccessSentence, Table, TextRange};

pub fn is_success(inlines: &[Inline]) -> bool {
    let text = plain_text(inlines);
    text.trim_start().to_ascii_lowercase().starts_with("if successful")
}

/// Whether a paragraph or list item states the success status in other words than the
/// template's: its first status is a 2xx code, and it speaks of success ("Returns `200`
/// if the request succeeds.", "`204 No Content` if the license is successfully
/// deleted."), answers with it ("Responds with `200 OK` for authenticated users.", "It
/// returns the HTTP status code `204`.") or starts with it ("`200 OK`: the import is
/// being canceled."). An answer that names one of the method's attributes (`is_attribute`)
/// is the answer of one mode ("When `dry_run` is enabled, ... responds with `200 OK`"),
/// not the method's.
pub fn is_stated_status(inlines: &[Inline], is_attribute: impl Fn(&str) -> bool) -> bool {
    let code_span = inlines.iter().find_map(code_of);
    let spanned = code_span.is_some();
    let Some(first) = code_span.or_else(|| bare_status(inlines)) else {
        return false;
    };
    if !is_success_status(&first.value) {
        return false;
    }
    let text = plain_text(inlines).to_ascii_lowercase();
    if text.contains("succe") {
        return true;
    }
    // A bare number counts only with its reason phrase (`200 OK`), not `returns 200 items`.
    let written_as_status = spanned || first.value.contains(' ');
    let answers = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| matches!(w, "returns" | "return" | "responds" | "respond" | "answers"));
    let starts_with_it = inlines.first().and_then(code_of).is_some();
    let one_mode = inlines
        .iter()
        .any(|i| matches!(i, Inline::Code { code, .. } if is_attribute(code.trim())));
    written_as_status && (answers || starts_with_it) && !one_mode
}

/// `200`, `204 No Content`, `201: Created`: three digits from 200 to 299, then nothing,
/// a space or a colon (not `20` widgets, not `2FA`).
fn is_success_status(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let ends = text[digits..].chars().next().is_none_or(|c| c == ' ' || c == ':');
    digits == 3 && ends && text[..3].parse::<u16>().is_ok_and(|c| (200..=299).contains(&c))
}

/// The 2xx rows of a table of statuses (a first column named like `HTTP status` or
/// `Status code`): `| `204` | Delete was successful. |`, each read as a statement of
/// the success status in other words.
pub fn status_table_rows(table: &Table) -> Vec<SuccessSentence> {
    let Some(first) = table.header.first() else {
        return Vec::new();
    };
    let header = first.text.to_ascii_lowercase();
    if !(header.contains("status") || header == "code") {
        return Vec::new();
    }
    table
        .rows
        .iter()
        .filter_map(|row| {
            let cell = row.cells.first()?;
            let status = cell.text.trim().trim_matches('`').trim();
            let (code, reason) = split_status(status);
            code.filter(|c| (200..=299).contains(c))?;
            Some(SuccessSentence {
                range: row.range,
                form: SuccessForm::Prose,
                status_text: Some(Spanned::new(status.to_string(), cell.range)),
                code,
                reason,
                link: None,
                mentions_response_attributes: false,
            })
        })
        .collect()
}

/// The success statement in the template's form, or in other words.
pub fn read_form(inlines: &[Inline], range: TextRange, form: SuccessForm) -> SuccessSentence {
    SuccessSentence {
        form,
        ..read(inlines, range)
    }
}

pub fn read(inlines: &[Inline], range: TextRange) -> SuccessSentence {
    let text = plain_text(inlines);
    let mut status_text = None;
    let mut link = None;
    for inline in inlines {
        match inline {
            Inline::Link { dest, children, range } => {
                if let Some(code) = children.iter().find_map(code_of) {
                    status_text = Some(code);
                    link = Some(Spanned::new(dest.clone(), *range));
                    break;
                }
            }
            other => {
                if let Some(code) = code_of(other) {
                    status_text = Some(code);
                    break;
                }
            }
        }
    }
    if status_text.is_none() {
        status_text = bare_status(inlines);
        // `[200 OK](...)` without a code span: the link is the status link.
        link = link.or_else(|| status_link(inlines, status_text.as_ref()));
    }
    let (code, reason) = match &status_text {
        Some(s) => split_status(&s.value),
        None => (None, None),
    };
    SuccessSentence {
        range,
        form: SuccessForm::Template,
        status_text,
        code,
        reason,
        link,
        mentions_response_attributes: text.to_ascii_lowercase().contains("response attributes"),
    }
}

fn code_of(inline: &Inline) -> Option<Spanned<String>> {
    match inline {
        Inline::Code { code, range } if code.trim().starts_with(|c: char| c.is_ascii_digit()) => {
            Some(Spanned::new(code.trim().to_string(), *range))
        }
        _ => None,
    }
}

/// `returns 200 OK` without a code span, in the text or inside a link or bold
/// (`[200 OK](...)`, `**200 OK**`).
fn bare_status(inlines: &[Inline]) -> Option<Spanned<String>> {
    let mut found = None;
    docspec_model::walk_inlines(inlines, &mut |inline| {
        if found.is_some() {
            return;
        }
        if let Inline::Text { text, range } = inline {
            let bytes = text.as_bytes();
            for i in 0..bytes.len().saturating_sub(2) {
                // Most bytes are not digits: rule them out before the word checks.
                if !bytes[i].is_ascii_digit() {
                    continue;
                }
                let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
                let three = bytes[i..i + 3].iter().all(u8::is_ascii_digit);
                let ends_word = bytes.get(i + 3).is_none_or(|b| !b.is_ascii_alphanumeric());
                if starts_word && three && ends_word {
                    let end = i + 3 + reason_after(&text[i..i + 3], &text[i + 3..]);
                    found = Some(Spanned::new(text[i..end].to_string(), range.sub(i, end)));
                    return;
                }
            }
        }
    });
    found
}

/// The length of ` OK` after `200` when the code's reason phrase follows it.
fn reason_after(code: &str, rest: &str) -> usize {
    let reason = code.parse().ok().and_then(docspec_model::status_reason);
    match (reason, rest.strip_prefix(' ')) {
        (Some(reason), Some(after))
            if after
                .get(..reason.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(reason)) =>
        {
            let ends_word = after[reason.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if ends_word {
                1 + reason.len()
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// The link whose text holds the status.
fn status_link(inlines: &[Inline], status: Option<&Spanned<String>>) -> Option<Spanned<String>> {
    let status = status?;
    inlines.iter().find_map(|inline| match inline {
        Inline::Link { dest, range, .. }
            if range.start() <= status.range.start() && status.range.end() <= range.end() =>
        {
            Some(Spanned::new(dest.clone(), *range))
        }
        _ => None,
    })
}

/// `201 Created` into `(201, "Created")`.
pub fn split_status(text: &str) -> (Option<u16>, Option<String>) {
    let text = text.trim();
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let code = digits.parse().ok();
    // `200: OK` is written with a colon on some pages.
    let reason = text[digits.len()..].trim().trim_start_matches(':').trim();
    (code, (!reason.is_empty()).then(|| reason.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(markdown: &str) -> SuccessSentence {
        let page = crate::parse_str(&format!("## A\n\n```plaintext\nGET /a\n```\n\n{markdown}\n"));
        let method = page.methods().next().unwrap().clone();
        method.success[0].clone()
    }

    #[test]
    fn status_in_a_code_span_a_link_or_bold() {
        let s = sentence("If successful, returns [`201 Created`](rest/troubleshooting.md#status-codes).");
        assert_eq!((s.code, s.reason.as_deref()), (Some(201), Some("Created")));
        let s = sentence("If successful, returns [200 OK](rest/troubleshooting.md#status-codes).");
        assert_eq!((s.code, s.reason.as_deref()), (Some(200), Some("OK")));
        assert_eq!(s.link.unwrap().value, "rest/troubleshooting.md#status-codes");
        let s = sentence("If successful, returns **204 No Content**.");
        assert_eq!((s.code, s.reason.as_deref()), (Some(204), Some("No Content")));
        let s = sentence("If successful, returns 200 and the widget.");
        assert_eq!((s.code, s.reason.as_deref()), (Some(200), None));
        let s = sentence("If successful, returns the widget.");
        assert_eq!(s.code, None);
    }
}
