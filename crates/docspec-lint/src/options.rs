//! Checking a rule's `options:` from the configuration, so a misspelled key or a wrong
//! type is an error instead of silently meaning the default.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// A bad option: its key and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionError {
    pub key: String,
    pub message: String,
}

/// For rules without options: any key is unknown.
pub fn none(options: &Map<String, Value>) -> Result<(), OptionError> {
    match options.keys().next() {
        None => Ok(()),
        Some(key) => Err(OptionError {
            key: key.clone(),
            message: format!("unknown option `{key}`: this rule has no options"),
        }),
    }
}

/// Reads each option alone into `T` (whose fields all have defaults and which denies
/// unknown fields), so the error names the key it is about.
pub fn check<T: DeserializeOwned>(options: &Map<String, Value>) -> Result<(), OptionError> {
    for (key, value) in options {
        let one = Value::Object(Map::from_iter([(key.clone(), value.clone())]));
        if let Err(e) = serde_json::from_value::<T>(one) {
            return Err(OptionError {
                key: key.clone(),
                message: format!("option `{key}`: {e}"),
            });
        }
    }
    Ok(())
}
