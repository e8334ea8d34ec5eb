-- Two-level account management, head teachers' grants and groups, API tokens, and the admin audit log.

-- One guardian per mobile number: the number is how an incoming SMS finds its sender.
create unique index guardian_mobile_hash_uniq on guardian (mobile_hash) where mobile_hash is not null;

alter table staff_account
    add column failed_logins        int not null default 0,
    add column locked_until         timestamptz,
    add column password_changed_at  timestamptz;
create index staff_account_mobile_hash_idx on staff_account (mobile_hash);

-- A head teacher's permission for a subject teacher to message the class's guardians.
create table send_grant (
    class_id    bigint      not null references unit (id),
    account_id  bigint      not null references staff_account (id) on delete cascade,
    granted_by  bigint      not null references staff_account (id),
    granted_at  timestamptz not null default now(),
    primary key (class_id, account_id)
);

-- 自建用户组: a sender's own list of guardians and staff within his scope.
create table recipient_group (
    id          bigserial primary key,
    owner_id    bigint       not null references staff_account (id) on delete cascade,
    name        varchar(50)  not null,
    created_at  timestamptz  not null default now(),
    unique (owner_id, name)
);

create table recipient_group_member (
    group_id     bigint not null references recipient_group (id) on delete cascade,
    guardian_id  bigint references guardian (id) on delete cascade,
    staff_id     bigint references staff_account (id) on delete cascade,
    check ((guardian_id is null) <> (staff_id is null))
);
create unique index recipient_group_member_uniq
    on recipient_group_member (group_id, coalesce(guardian_id, 0), coalesce(staff_id, 0));

-- Personal API tokens for scripts; only a hash is kept, the token is shown once.
create table api_token (
    id            bigserial primary key,
    account_id    bigint      not null references staff_account (id) on delete cascade,
    name          varchar(50) not null,
    token_hash    bytea       not null unique,
    created_at    timestamptz not null default now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

-- Every administrative change: who, what, before/after (contact points masked), when. Append-only.
create table admin_audit (
    id           bigserial primary key,
    actor_id     bigint      references staff_account (id),
    action       varchar(40) not null,
    target_type  varchar(30) not null,
    target       varchar(100) not null,
    before       jsonb,
    after        jsonb,
    at           timestamptz not null default now()
);
create index admin_audit_at_idx on admin_audit (at);

create function admin_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'admin_audit is append-only';
end;
$$;
create trigger admin_audit_no_update before update or delete on admin_audit
    for each row execute function admin_audit_append_only();
