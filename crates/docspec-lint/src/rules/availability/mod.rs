pub mod availability_details;
pub mod availability_wider_than_page;
pub mod disabled_flag_offering;
pub mod inline_availability;
pub mod legacy_tier_badge;
pub mod missing_page_availability;
