-- What each remembered change was (a SHA-256 of its kind, target and content): a client id sent again with another
-- change is refused instead of answering the first change's result and dropping the second.
alter table field_submissions add column fingerprint text;
