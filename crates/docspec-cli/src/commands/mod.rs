pub mod explain;
pub mod inspect;
pub mod lint;
pub mod rules;
