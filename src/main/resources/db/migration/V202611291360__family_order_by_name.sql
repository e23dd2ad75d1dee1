-- The household list is read in Vietnamese name order, 50 at a time, out of ~900,000 rows: an index in that order lets
-- the first page be read without sorting the whole province.
create index families_name_order_idx on families (head_name collate vi_natural, id);
