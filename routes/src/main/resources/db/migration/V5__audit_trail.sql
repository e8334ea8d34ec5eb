-- The notice workflow's audit trail: every transition, who made it in which role, when, and over which
-- content. Rows form a hash chain (each carries its predecessor's hash), so a row edited, deleted or
-- slipped in by hand shows up when the chain is verified; the trigger below keeps honest code from
-- changing history in the first place.

create table audit_event (
    id            bigserial primary key,
    notice_id     bigint        references notice (id),
    action        varchar(30)   not null,
    -- null: the system acted (scheduler, sender, receipts)
    actor_id      bigint        references staff_account (id),
    role          varchar(32),
    at            timestamptz   not null,
    content_hash  char(64),
    comment       varchar(1000),
    -- 64 zeros for the first row
    prev_hash     char(64)      not null,
    hash          char(64)      not null unique,
    -- Appends are serialised, so no two rows can follow the same predecessor: should that ever be
    -- broken, the insert fails here instead of silently forking the chain.
    constraint audit_event_prev_hash_uniq unique (prev_hash)
);
create index audit_event_notice_idx on audit_event (notice_id);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
-- Row triggers don't see truncate.
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
