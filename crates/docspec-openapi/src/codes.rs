//! Codes and names of the findings; they are not lint rules but print like them.

use docspec_diagnostics::Severity;

/// A `(code, name, severity)` triple.
pub type FindingKind = (&'static str, &'static str, Severity);

/// The same verb and path documented twice; the first one is kept.
pub const DUPLICATE_OPERATION: FindingKind = ("OA001", "duplicate-operation", Severity::Warning);
/// A request line whose path cannot be an OpenAPI path template.
pub const UNPARSEABLE_REQUEST_LINE: FindingKind = ("OA002", "unparseable-request-line", Severity::Warning);
/// A request line outside the base path, or a URL of another service.
pub const OUTSIDE_BASE_PATH: FindingKind = ("OA003", "outside-base-path", Severity::Warning);
/// A request line showing a concrete, URL-encoded request rather than an endpoint.
pub const CONCRETE_REQUEST_LINE: FindingKind = ("OA004", "concrete-request-line", Severity::Warning);
/// A JSON example that does not parse, even leniently.
pub const INVALID_JSON_EXAMPLE: FindingKind = ("OA005", "invalid-json-example", Severity::Warning);
/// A JSON example that contradicts the attribute table; the example is left out.
pub const EXAMPLE_SCHEMA_MISMATCH: FindingKind = ("OA006", "example-schema-mismatch", Severity::Warning);
/// Paths that differ only in parameter names; OpenAPI forbids both, so they are merged.
pub const IDENTICAL_PATH_TEMPLATE: FindingKind = ("OA007", "identical-path-template", Severity::Warning);
/// A response example in a format other than JSON; it is left out.
pub const UNSUPPORTED_EXAMPLE: FindingKind = ("OA008", "unsupported-example", Severity::Info);
/// A path naming the same parameter twice.
pub const DUPLICATE_PATH_PARAMETER: FindingKind = ("OA009", "duplicate-path-parameter", Severity::Warning);
/// A type word the emitter does not know; the schema is left open.
pub const UNKNOWN_TYPE: FindingKind = ("OA010", "unknown-type", Severity::Info);

/// Every kind, for documentation and the CLI.
pub const ALL_FINDING_KINDS: &[FindingKind] = &[
    DUPLICATE_OPERATION,
    UNPARSEABLE_REQUEST_LINE,
    OUTSIDE_BASE_PATH,
    CONCRETE_REQUEST_LINE,
    INVALID_JSON_EXAMPLE,
    EXAMPLE_SCHEMA_MISMATCH,
    IDENTICAL_PATH_TEMPLATE,
    UNSUPPORTED_EXAMPLE,
    DUPLICATE_PATH_PARAMETER,
    UNKNOWN_TYPE,
];
