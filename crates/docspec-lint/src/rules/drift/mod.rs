//! Rules `docspec drift` raises: the pages against an API spec. Declared here, in the
//! one catalog; the checks live in `docspec-drift`.

pub mod attribute_not_documented;
pub mod attribute_not_in_spec;
pub mod default_mismatch;
pub mod deprecation_mismatch;
pub mod enum_mismatch;
pub mod operation_not_in_spec;
pub mod required_mismatch;
pub mod response_attribute_not_documented;
pub mod response_attribute_not_in_spec;
pub mod spec_not_compared;
pub mod status_mismatch;
pub mod type_mismatch;
pub mod undocumented_operation;
