-- Records that belong to a locality keep a copy of its path, so that scope filters need no join; a locality's path
-- never changes (mergers create successors), so copying it on insert and on a change of locality is enough.
create function copy_locality_path() returns trigger language plpgsql as $$
begin
    select l.path into strict new.locality_path from localities l where l.id = new.locality_id;
    return new;
end $$;
