-- A counter per cache that every instance reads before using its own copy: an instance that changes what a cache was
-- made from (a target, a reported figure) bumps it, and the others drop their copies on their next read.
create table cache_generations (
    name       text   primary key,
    generation bigint not null default 0
);

insert into cache_generations (name) values ('indicators');
