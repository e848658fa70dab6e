//! The committed JSON Schema is current, and the example configurations satisfy it.

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

#[test]
fn committed_schema_is_current() {
    let path = root().join("schemas/config.schema.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == docspec_config::json_schema(),
        "schemas/config.schema.json is stale: run `cargo xtask generate-all`"
    );
}

#[test]
fn example_configs_validate_and_load() {
    let schema: serde_json::Value = serde_json::from_str(&docspec_config::json_schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let dir = root().join("doc-fixtures/config");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.to_string_lossy().ends_with(".docspec.yml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let value: serde_json::Value = serde_yaml::from_str(&text).unwrap();
        let errors: Vec<String> = validator.iter_errors(&value).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        docspec_config::Config::from_text(&path, &text).unwrap_or_else(|e| panic!("{e}"));
        checked += 1;
    }
    assert!(checked >= 2);
}

#[test]
fn schema_rejects_what_the_loader_rejects() {
    let schema: serde_json::Value = serde_json::from_str(&docspec_config::json_schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for bad in ["selct: [ST004]", "rules:\n  ST004: loud", "api:\n  base: /api"] {
        let value: serde_json::Value = serde_yaml::from_str(bad).unwrap();
        assert!(!validator.is_valid(&value), "schema accepts {bad:?}");
        assert!(
            docspec_config::Config::from_text(Path::new("x.yml"), bad).is_err(),
            "loader accepts {bad:?}"
        );
    }
}
