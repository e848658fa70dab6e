//! Shared helpers for the end-to-end suites in this package.
