pub mod availability_details;
pub mod inline_availability;
pub mod legacy_tier_badge;
