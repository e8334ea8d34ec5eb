-- Multi-channel delivery: every channel's messages live in outbound_message with one life cycle; what differs
-- per channel (an e-mail's subject and HTML, a push's title and data) sits in the columns below.

-- recipient_masked stays varchar(32) (a view reads it): masked e-mail addresses are cut to fit.
alter table outbound_message
    add column subject       varchar(200),
    add column html          text,
    add column payload       jsonb,
    -- the push subscription a PUSH message goes to: pruned subscriptions are found through it
    add column target_id     bigint,
    -- quiet hours and fallback: a message is not sent before this time
    add column not_before    timestamptz,
    -- an SMS sent because this push message was not delivered in time
    add column fallback_of   bigint references outbound_message (id);

create index outbound_message_waiting_idx on outbound_message (not_before) where state = 'QUEUED' and not_before is not null;
create index outbound_message_fallback_idx on outbound_message (fallback_of) where fallback_of is not null;

alter table notice
    -- push first, SMS only to those whose push was not delivered within jiaxiao.fallback.after
    add column fallback boolean not null default false;


-- A guardian's app installations and browsers. The token or subscription is a credential: stored encrypted,
-- with a keyed hash so that the same device registering again replaces its row.
create table push_subscription (
    id            bigserial   primary key,
    guardian_id   bigint      not null references guardian (id) on delete cascade,
    kind          varchar(8)  not null check (kind in ('FCM', 'WEBPUSH')),
    target_enc    bytea       not null,
    target_hash   bytea       not null unique,
    label         varchar(80),
    created_at    timestamptz not null default now(),
    last_success_at timestamptz,
    pruned_at     timestamptz,
    prune_reason  varchar(200)
);
create index push_subscription_guardian_idx on push_subscription (guardian_id) where pruned_at is null;

-- What a guardian wants: which channels (of those the school uses), and the language of the messages.
create table guardian_preference (
    guardian_id  bigint      primary key references guardian (id) on delete cascade,
    channels     varchar(40) not null,
    language     varchar(10) not null default 'zh-CN',
    updated_at   timestamptz not null default now()
);

-- A school's own wording for a template part, validated before it is stored.
create table template_override (
    kind        varchar(24) not null,
    part        varchar(16) not null,
    source      text        not null,
    version     int         not null default 1,
    updated_by  bigint      references staff_account (id),
    updated_at  timestamptz not null default now(),
    primary key (kind, part)
);

-- the id a mail server (Message-ID) or push service gave the message: bounces and acknowledgements find it here
alter table outbound_message add column provider_id varchar(200);
create index outbound_message_provider_idx on outbound_message (provider_id) where provider_id is not null;

-- push messages of fallback notices not yet looked at by the fallback sweep
alter table outbound_message add column fallback_checked_at timestamptz;
create index outbound_message_push_unchecked_idx on outbound_message (created_at)
    where channel = 'PUSH' and fallback_checked_at is null;
