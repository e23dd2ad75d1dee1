-- Extensions every module relies on: hierarchy paths (ltree) and search without diacritics (unaccent, pg_trgm).
create extension if not exists ltree;
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only STABLE, so it cannot back an index; this wrapper pins the dictionary and is IMMUTABLE.
-- It folds Vietnamese letters to ASCII, đ/Đ to d/D included ("Buôn Ma Thuột" -> "Buon Ma Thuot").
create or replace function f_unaccent(text) returns text
    language sql immutable parallel safe strict
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- The folded, lower-case form used by every search box.
create or replace function search_key(text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(public.f_unaccent($1)) $$;

-- Vietnamese order with numbers compared as numbers, so that "Thôn 2" comes before "Thôn 10".
create collation if not exists vi_natural (provider = icu, locale = 'vi-VN-u-kn');
