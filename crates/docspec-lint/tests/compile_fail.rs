//! The rule derive rejects malformed declarations at compile time (trybuild).

#[test]
fn malformed_rules_do_not_compile() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
