//! Whether a Type cell can describe a spec's type, and types written for people.

use docspec_spec::{Kind, Shape};

/// Types agree when some kind of one overlaps some kind of the other. Open shapes
/// (`mixed`, no `type`) agree with everything; so do `integer` and `number`, `string` and
/// a `binary` string; `date` and `date-time` strings do not.
pub fn compatible(doc: &Shape, spec: &Shape) -> bool {
    let d = doc.kinds();
    let s = spec.kinds();
    if d.contains(&Kind::Any) || s.contains(&Kind::Any) {
        return true;
    }
    for dk in &d {
        for sk in &s {
            let doc_one = pick(doc, *dk);
            let spec_one = pick(spec, *sk);
            if kinds_agree(doc_one, spec_one) {
                return true;
            }
        }
    }
    false
}

/// The alternative of `shape` with kind `kind` (the shape itself when it has no alternatives).
fn pick(shape: &Shape, kind: Kind) -> &Shape {
    if shape.kind == Kind::OneOf {
        shape.alternatives.iter().find(|a| a.kind == kind).unwrap_or(shape)
    } else {
        shape
    }
}

fn kinds_agree(doc: &Shape, spec: &Shape) -> bool {
    use Kind::*;
    match (doc.kind, spec.kind) {
        (String, String) => {
            let dates = ["date", "date-time"];
            match (doc.format.as_deref(), spec.format.as_deref()) {
                (Some(a), Some(b)) if dates.contains(&a) && dates.contains(&b) => a == b,
                _ => true,
            }
        }
        (Array, Array) => match (&doc.items, &spec.items) {
            (Some(a), Some(b)) => compatible(a, b),
            _ => true,
        },
        (Integer | Number, Integer | Number) | (File, File | String) | (String, File) => true,
        (a, b) => a == b,
    }
}

/// `integer`, `string (date-time)`, `array of integer`, `integer or string`, `file`.
pub fn describe(shape: &Shape) -> String {
    let base = match shape.kind {
        Kind::Any => "any value".to_string(),
        Kind::String => match &shape.format {
            Some(f) => format!("string ({f})"),
            None => "string".to_string(),
        },
        Kind::Integer => "integer".to_string(),
        Kind::Number => "number".to_string(),
        Kind::Boolean => "boolean".to_string(),
        Kind::Object => "object".to_string(),
        Kind::File => "file".to_string(),
        Kind::Array => match &shape.items {
            Some(items) if items.kind != Kind::Any => format!("array of {}", describe(items)),
            _ => "array".to_string(),
        },
        Kind::OneOf => shape.alternatives.iter().map(describe).collect::<Vec<_>>().join(" or "),
    };
    if shape.nullable {
        format!("{base} or null")
    } else {
        base
    }
}

/// The word the API topic template uses for a spec type (`datetime`, `integer array`,
/// `integer or string`); `docspec openapi` maps each back to the same type.
pub fn template_word(shape: &Shape) -> String {
    match shape.kind {
        Kind::Any => "mixed".to_string(),
        Kind::String => match shape.format.as_deref() {
            Some("date-time") => "datetime".to_string(),
            Some("date") => "date".to_string(),
            _ => "string".to_string(),
        },
        Kind::Integer => "integer".to_string(),
        Kind::Number => "float".to_string(),
        Kind::Boolean => "boolean".to_string(),
        Kind::Object => "object".to_string(),
        Kind::File => "file".to_string(),
        Kind::Array => match shape.items.as_deref().map(|i| i.kind) {
            Some(Kind::String) => "string array".to_string(),
            Some(Kind::Integer) => "integer array".to_string(),
            Some(Kind::Object) => "array of objects".to_string(),
            _ => "array".to_string(),
        },
        Kind::OneOf => {
            let words: Vec<String> = shape.alternatives.iter().map(template_word).collect();
            match words.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
                ["integer", "string"] | ["string", "integer"] => "integer or string".to_string(),
                _ => "mixed".to_string(),
            }
        }
    }
}

/// A default or enum value as compared: booleans and numbers by value, strings as written.
pub fn same_value(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim().trim_matches('"'), b.trim().trim_matches('"'));
    if a == b {
        return true;
    }
    match (a.parse::<f64>(), b.parse::<f64>()) {
        (Ok(x), Ok(y)) => (x - y).abs() < f64::EPSILON,
        _ => {
            a.eq_ignore_ascii_case("true") && b.eq_ignore_ascii_case("true")
                || a.eq_ignore_ascii_case("false") && b.eq_ignore_ascii_case("false")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(kind: Kind) -> Shape {
        Shape::of(kind)
    }

    fn string(format: &str) -> Shape {
        Shape {
            format: Some(format.to_string()),
            ..s(Kind::String)
        }
    }

    fn one_of(kinds: &[Kind]) -> Shape {
        Shape {
            alternatives: kinds.iter().map(|k| s(*k)).collect(),
            ..s(Kind::OneOf)
        }
    }

    fn array(items: Shape) -> Shape {
        Shape {
            items: Some(std::sync::Arc::new(items)),
            ..s(Kind::Array)
        }
    }

    #[test]
    fn overlapping_types_agree() {
        assert!(compatible(&one_of(&[Kind::Integer, Kind::String]), &s(Kind::String)));
        assert!(compatible(&s(Kind::String), &string("date-time")));
        assert!(compatible(&s(Kind::Integer), &s(Kind::Number)));
        assert!(compatible(&s(Kind::File), &string("binary")));
        assert!(compatible(&s(Kind::Any), &s(Kind::Boolean)));
        assert!(compatible(&array(s(Kind::Integer)), &s(Kind::Array)));
    }

    #[test]
    fn disjoint_types_do_not() {
        assert!(!compatible(&s(Kind::Boolean), &s(Kind::String)));
        assert!(!compatible(&string("date"), &string("date-time")));
        assert!(!compatible(&array(s(Kind::String)), &array(s(Kind::Integer))));
        assert!(!compatible(&s(Kind::Array), &s(Kind::String)));
    }

    #[test]
    fn words() {
        assert_eq!(template_word(&array(s(Kind::Integer))), "integer array");
        assert_eq!(template_word(&string("date-time")), "datetime");
        assert_eq!(
            template_word(&one_of(&[Kind::Integer, Kind::String])),
            "integer or string"
        );
        assert_eq!(describe(&array(string("date"))), "array of string (date)");
        assert!(same_value("20", "20.0") && same_value("True", "true") && !same_value("a", "b"));
    }
}
