-- The province's roster is read in Vietnamese name order, 50 at a time, out of about 700,000 memberships: sorting them
-- all by the ICU collation for every page took seconds; an index in that order reads the first page directly.
create index members_name_order_idx on members (full_name collate vi_natural, id);
