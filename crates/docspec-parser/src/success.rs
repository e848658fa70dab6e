//! The success sentence: `If successful, returns [`200 OK`](link) and ...`.

use docspec_model::{plain_text, Inline, Spanned, SuccessForm, SuccessSentence, TextRange};

pub fn is_success(inlines: &[Inline]) -> bool {
    let text = plain_text(inlines);
    text.trim_start().to_ascii_lowercase().starts_with("if successful")
}

/// Whether a paragraph states the success status in other words than the template's:
/// its first status is a 2xx code, and it speaks of success ("Returns `200` if the
/// request succeeds.", "`204 No Content` if the license is successfully deleted.").
pub fn is_stated_status(inlines: &[Inline]) -> bool {
    let text = plain_text(inlines).to_ascii_lowercase();
    if !text.contains("succe") {
        return false;
    }
    let first = inlines.iter().find_map(code_of).or_else(|| bare_status(inlines));
    first.is_some_and(|s| s.value.starts_with('2'))
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

/// `returns 200 OK` without a code span.
fn bare_status(inlines: &[Inline]) -> Option<Spanned<String>> {
    for inline in inlines {
        if let Inline::Text { text, range } = inline {
            let bytes = text.as_bytes();
            for i in 0..bytes.len().saturating_sub(2) {
                let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
                let three = bytes[i..i + 3].iter().all(u8::is_ascii_digit);
                let ends_word = bytes.get(i + 3).is_none_or(|b| !b.is_ascii_alphanumeric());
                if starts_word && three && ends_word {
                    return Some(Spanned::new(text[i..i + 3].to_string(), range.sub(i, i + 3)));
                }
            }
        }
    }
    None
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
