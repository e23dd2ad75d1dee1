-- Requests to the public look-ups per client address and minute (minutes since 1970, by the instances' clocks), shared
-- by every instance. Unlogged: only the current minute's counts matter, and a crash that loses them forgives a minute.
create unlogged table public_request_counts (
    address  text    not null,
    minute   bigint  not null,
    requests integer not null,
    primary key (address, minute)
);
