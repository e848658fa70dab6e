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
    let parsed: Result<Option<Keys>, _> = serde_yaml::from_str(&content.value);
    let mut yaml_title = None;
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
