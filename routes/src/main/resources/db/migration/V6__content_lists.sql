-- Content-filter lists the school edits (school-rules §3): banned terms per category, the whitelist of
-- allowed phrases that contain a term, and the domains links may point to. The shipped defaults are loaded
-- by the gateway at its first start (ContentPolicy.seedDefaultsIfEmpty), not here, so they live in one place
-- (content-filter's terms/*.txt). Every change bumps content_list_version in the same transaction, so each
-- gateway instance polls one row to learn whether it must rebuild its checker.

create table content_term (
    id          bigserial primary key,
    -- a cn.jiaxiao.filter.Category name (SUBVERSION, TYPO, COMMERCIAL, ...); checked by the gateway
    category    varchar(32)  not null check (category ~ '^[A-Z_]+$'),
    term        varchar(100) not null check (length(btrim(term)) > 0),
    severity    varchar(8)   not null default 'BLOCK' check (severity in ('BLOCK', 'WARN')),
    -- ignored when its clause frames it as something to avoid (远离赌博, 严禁吸毒)
    guarded     boolean      not null default false,
    -- the correction offered (typos), or null
    suggestion  varchar(100),
    -- null for the shipped defaults
    created_by  bigint       references staff_account (id),
    created_at  timestamptz  not null default now(),
    unique (category, term)
);

create table content_whitelist (
    id          bigserial primary key,
    phrase      varchar(100) not null unique check (length(btrim(phrase)) > 0),
    created_by  bigint       references staff_account (id),
    created_at  timestamptz  not null default now()
);

create table content_allowed_domain (
    id          bigserial primary key,
    -- lower case, without scheme or path; subdomains are allowed with it
    domain      varchar(253) not null unique check (domain = lower(domain) and length(domain) > 0),
    created_by  bigint       references staff_account (id),
    created_at  timestamptz  not null default now()
);

-- One row. version 0 means "never loaded": the defaults are seeded only then, so a school that empties a
-- list on purpose does not get the defaults back at the next restart.
create table content_list_version (
    id          int         primary key check (id = 1),
    version     bigint      not null,
    changed_at  timestamptz not null default now()
);
insert into content_list_version (id, version) values (1, 0);
