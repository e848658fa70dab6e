//! The rules of the findings, declared in the one catalog (`docspec-lint`, category
//! `openapi`): the emitter builds its findings with their codes, names and severities.

use docspec_lint::rules::openapi as rules;
use docspec_lint::{RuleMeta, RuleMetadata};

/// The rule a finding reports.
pub type FindingKind = &'static RuleMetadata;

pub const DUPLICATE_OPERATION: FindingKind = rules::duplicate_operation_dropped::DuplicateOperationDropped::META_REF;
pub const UNPARSEABLE_REQUEST_LINE: FindingKind = rules::unparseable_request_line::UnparseableRequestLine::META_REF;
pub const OUTSIDE_BASE_PATH: FindingKind = rules::outside_base_path::OutsideBasePath::META_REF;
pub const CONCRETE_REQUEST_LINE: FindingKind = rules::concrete_request_line::ConcreteRequestLine::META_REF;
pub const INVALID_JSON_EXAMPLE: FindingKind = rules::unparseable_json_example::UnparseableJsonExample::META_REF;
pub const EXAMPLE_SCHEMA_MISMATCH: FindingKind = rules::example_schema_mismatch::ExampleSchemaMismatch::META_REF;
pub const IDENTICAL_PATH_TEMPLATE: FindingKind = rules::identical_path_template::IdenticalPathTemplate::META_REF;
pub const UNSUPPORTED_EXAMPLE: FindingKind = rules::unsupported_example::UnsupportedExample::META_REF;
pub const DUPLICATE_PATH_PARAMETER: FindingKind = rules::duplicate_path_parameter::DuplicatePathParameter::META_REF;
pub const UNKNOWN_TYPE: FindingKind = rules::unmapped_type::UnmappedType::META_REF;
pub const DUPLICATE_TAG: FindingKind = rules::duplicate_tag::DuplicateTag::META_REF;
