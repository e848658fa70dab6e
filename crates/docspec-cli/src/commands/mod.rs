pub mod build;
pub mod explain;
pub mod fix;
pub mod inspect;
pub mod lint;
pub mod openapi;
pub mod render;
pub mod rules;
