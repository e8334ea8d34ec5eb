-- Notices, their approvals, and every message sent for them: the outbound rows are the archive.

create table notice (
    id               bigserial primary key,
    title            varchar(100)  not null,
    body             varchar(2000) not null,
    kind             varchar(20)   not null,
    audience         jsonb         not null,
    channels         varchar(60)   not null,
    status           varchar(24)   not null,
    drafter_id       bigint        not null references staff_account (id),
    content_hash     char(64)      not null,
    recipient_count  int,
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    approved_at      timestamptz,
    sending_at       timestamptz,
    finished_at      timestamptz
);
create index notice_status_idx on notice (status);
create index notice_drafter_idx on notice (drafter_id);

-- The classes a notice reaches, resolved when it is submitted: reads are scoped by them.
create table notice_class (
    notice_id  bigint not null references notice (id) on delete cascade,
    class_id   bigint not null references unit (id),
    primary key (notice_id, class_id)
);
create index notice_class_class_idx on notice_class (class_id);

create table approval_step (
    notice_id     bigint      not null references notice (id) on delete cascade,
    seq           smallint    not null,
    action        varchar(16) not null,
    role          varchar(32) not null,
    unit_id       bigint      not null references unit (id),
    actor_id      bigint references staff_account (id),
    decided_at    timestamptz,
    content_hash  char(64),
    primary key (notice_id, seq)
);

create table outbound_message (
    id                bigserial primary key,
    notice_id         bigint       not null references notice (id),
    channel           varchar(8)   not null,
    guardian_id       bigint references guardian (id),
    recipient_enc     bytea        not null,
    recipient_hash    bytea        not null,
    recipient_masked  varchar(32)  not null,
    body              text         not null,
    segments          smallint     not null,
    state             varchar(20)  not null,
    attempts          smallint     not null default 0,
    -- a sender's lease on the message: a crashed sender's lease runs out and another takes over
    claimed_at        timestamptz,
    error             varchar(200),
    created_at        timestamptz  not null default now(),
    dispatched_at     timestamptz,
    submitted_at      timestamptz,
    done_at           timestamptz
);
create index outbound_message_notice_idx on outbound_message (notice_id, state);
create index outbound_message_recipient_idx on outbound_message (recipient_hash);

-- One row per SMS part as the SMSC accepted it; receipts match here by the SMSC's message id.
create table sms_part (
    message_id    bigint      not null references outbound_message (id),
    part_no       smallint    not null,
    connection    varchar(50) not null,
    smsc_id       varchar(65) not null,
    smsc_key      varchar(65) not null,
    state         varchar(20) not null,
    submitted_at  timestamptz not null default now(),
    done_at       timestamptz,
    primary key (message_id, part_no)
);
create index sms_part_smsc_key_idx on sms_part (connection, smsc_key);

create table delivery_event (
    id           bigserial primary key,
    message_id   bigint      not null references outbound_message (id),
    part_no      smallint    not null,
    smsc_id      varchar(65) not null,
    stat         varchar(16) not null,
    err          varchar(8),
    received_at  timestamptz not null default now()
);
create index delivery_event_message_idx on delivery_event (message_id);

-- Mobile-originated messages as received; the replies issue interprets them.
create table inbound_message (
    id            bigserial primary key,
    connection    varchar(50)  not null,
    source_enc    bytea        not null,
    source_hash   bytea        not null,
    destination   varchar(32)  not null,
    body          text         not null,
    received_at   timestamptz  not null default now()
);
create index inbound_message_source_idx on inbound_message (source_hash);
