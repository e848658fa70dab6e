//! The status codes the API documents (`rest/troubleshooting.md#status-codes`).

/// Each documented code with its reason phrase.
pub const STATUS_CODES: &[(u16, &str)] = &[
    (200, "OK"),
    (201, "Created"),
    (202, "Accepted"),
    (204, "No Content"),
    (301, "Moved Permanently"),
    (304, "Not Modified"),
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (405, "Method Not Allowed"),
    (409, "Conflict"),
    (412, "Precondition Failed"),
    (422, "Unprocessable"),
    (429, "Too Many Requests"),
    (500, "Server Error"),
    (503, "Service Unavailable"),
];

/// The reason phrase of a documented code.
pub fn status_reason(code: u16) -> Option<&'static str> {
    STATUS_CODES.iter().find(|(c, _)| *c == code).map(|(_, r)| *r)
}

/// Whether a success status carries a response body.
pub fn status_has_body(code: u16) -> bool {
    !matches!(code, 204 | 304)
}
