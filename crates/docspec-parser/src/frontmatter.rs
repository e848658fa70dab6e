//! YAML front matter: keys with their lines, the title, and YAML errors as issues.

use docspec_model::{FrontMatter, ParseIssue, ParseIssueKind, Spanned, TextRange};

#[derive(serde::Deserialize)]
struct Keys {
    title: Option<serde_yaml::Value>,
    #[serde(rename = "Title")]
    title_upper: Option<serde_yaml::Value>,
}

pub fn read(content: &Spanned<String>, range: TextRange, issues: &mut Vec<ParseIssue>) -> FrontMatter {
    let mut keys = Vec::new();
    let mut title = None;
    let mut offset = content.range.start();
    for line in content.value.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if let Some((key, value)) = bare.split_once(':') {
            let is_key = !key.is_empty()
                && !key.starts_with([' ', '\t', '#', '-'])
                && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
            if is_key {
                let line_range = TextRange::new(offset, offset + bare.len());
                keys.push(Spanned::new(key.to_string(), line_range));
                if key.eq_ignore_ascii_case("title") {
                    let value_start = offset + key.len() + 1 + (value.len() - value.trim_start().len());
                    title = Some((value_start, value.trim()));
                }
            }
        }
        offset += line.len();
    }

    // Only the title is read; other keys are checked for valid YAML but not kept.
    let mut yaml_title = None;
    let parsed: Result<Option<Keys>, serde_yaml::Error> = match plain_title(&content.value) {
        Some(plain) => {
            yaml_title = plain.map(str::to_string);
            Ok(None)
        }
        None => serde_yaml::from_str(&content.value),
    };
    match parsed {
        Ok(Some(keys)) => {
            if let Some(value) = keys.title.or(keys.title_upper) {
                match value.as_str() {
                    Some(text) => yaml_title = Some(text.to_string()),
                    None => issues.push(ParseIssue {
                        kind: ParseIssueKind::FrontMatterInvalid,
                        range,
                        message: "front matter `title` is not a string".to_string(),
                    }),
                }
            }
        }
        Ok(None) => {}
        Err(err) if err.to_string().starts_with("invalid type") => issues.push(ParseIssue {
            kind: ParseIssueKind::FrontMatterInvalid,
            range,
            message: "front matter is not a mapping of keys to values".to_string(),
        }),
        Err(err) => {
            let at = err
                .location()
                .map_or(content.range.start(), |l| content.range.start() + l.index());
            let at = at.min(content.range.end());
            issues.push(ParseIssue {
                kind: ParseIssueKind::FrontMatterInvalid,
                range: TextRange::new(at, (at + 1).min(content.range.end())),
                message: format!("front matter is not valid YAML: {}", strip_location(&err.to_string())),
            });
        }
    }
    let title = match (yaml_title, title) {
        (Some(value), Some((start, raw))) => Some(Spanned::new(value, TextRange::new(start, start + raw.len()))),
        (Some(value), None) => Some(Spanned::new(value, range)),
        // YAML failed: keep the raw text so a page with a typo elsewhere still has its title.
        (None, Some((start, raw))) if !raw.is_empty() => Some(Spanned::new(
            raw.trim_matches(['"', '\'']).to_string(),
            TextRange::new(start, start + raw.len()),
        )),
        _ => None,
    };
    FrontMatter {
        range,
        keys,
        title,
        closed: true,
    }
}

/// The title of front matter made only of `key: plain words` lines, read without the
/// YAML parser, whose set-up costs more than the rest of a small page's parse: `None`
/// when a line needs the parser (anything YAML could read as other than a string, or
/// as an error), `Some(None)` when there is no `title` (or `Title`) key.
fn plain_title(text: &str) -> Option<Option<&str>> {
    let mut keys: Vec<&str> = Vec::new();
    let (mut title, mut title_upper) = (None, None);
    for line in text.split('\n').filter(|l| !l.is_empty()) {
        let (key, value) = line.split_once(": ")?;
        let value = value.trim_matches(' ');
        if !is_plain_key(key) || keys.contains(&key) || !is_plain_words(value) {
            return None;
        }
        keys.push(key);
        match key {
            "title" => title = Some(value),
            "Title" => title_upper = Some(value),
            _ => {}
        }
    }
    Some(title.or(title_upper))
}

fn is_plain_key(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_alphabetic()) && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// A plain scalar YAML reads as this very string: it starts with a letter, is no
/// boolean or null, has no `: ` or ` #` (a mapping or a comment), no brackets, braces or
/// backslash, and only printable characters that do not break a line.
fn is_plain_words(value: &str) -> bool {
    let printable = |c: char| {
        matches!(c, ' '..='~')
            || (c >= '\u{a0}' && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'))
    };
    value.starts_with(|c: char| c.is_ascii_alphabetic())
        && !value.ends_with(':')
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.contains(['[', ']', '{', '}', '\\'])
        && !["true", "false", "null", "yes", "no", "on", "off", "y", "n"]
            .iter()
            .any(|word| value.eq_ignore_ascii_case(word))
        && value.chars().all(printable)
}

fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// A page that opens with `---` but never closes it.
pub fn unclosed(text: &str) -> Option<FrontMatter> {
    let first = text.lines().next()?;
    if first.trim_end() != "---" {
        return None;
    }
    Some(FrontMatter {
        range: TextRange::new(0, first.len()),
        keys: Vec::new(),
        title: None,
        closed: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every front matter of up to three lines built from these pieces: where the
    /// shortcut reads it, YAML reads the same title and no error.
    #[test]
    fn plain_titles_read_as_yaml_reads_them() {
        let keys = ["title", "Title", "stage", "info", "x-y", " title", "title2", "TITLE"];
        let values = [
            "Issues API",
            "Don't use it",
            "See https://example.com/a#b",
            "a: b",
            "a #b",
            "true",
            "Null",
            "No",
            "Infinity",
            "nan",
            "123",
            "12 apples",
            "Ümlaut ok",
            "tab\there",
            "[list]",
            "a, b",
            "trailing:",
            "",
            "  spaced  ",
            "\"quoted\"",
            "it's",
            "ends with \\",
            "x\u{2028}y",
            "caf\u{e9}",
            "*alias",
            "a  b",
            "~",
        ];
        let mut lines = Vec::new();
        for key in keys {
            for value in values {
                lines.push(format!("{key}: {value}"));
            }
        }
        lines.extend(["", "  continued", "- item", "title:", "title:value"].map(String::from));
        let mut checked = 0;
        let mut shortcut = 0;
        let mut check = |text: &str| {
            checked += 1;
            let Some(plain) = plain_title(text) else {
                return;
            };
            shortcut += 1;
            let parsed: Result<Option<Keys>, _> = serde_yaml::from_str(text);
            let yaml = match parsed {
                Ok(Some(keys)) => keys.title.or(keys.title_upper).map(|v| v.as_str().map(str::to_string)),
                Ok(None) => None,
                Err(e) => panic!("{text:?}: the shortcut read {plain:?}, YAML failed: {e}"),
            };
            assert_eq!(yaml, plain.map(|t| Some(t.to_string())), "{text:?}");
        };
        for a in &lines {
            check(a);
            for b in &lines {
                check(&format!("{a}\n{b}\n"));
            }
        }
        // Three lines: a sample, every third pair with every line.
        for (i, a) in lines.iter().enumerate().step_by(7) {
            for b in lines.iter().skip(i % 5).step_by(5) {
                for c in &lines {
                    check(&format!("{a}\n{b}\n{c}"));
                }
            }
        }
        assert!(shortcut > 1000 && shortcut < checked / 2, "{shortcut} of {checked}");
    }
}
