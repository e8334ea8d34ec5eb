-- Parents reply by SMS (issue 8): confirmations, leave requests, absence alerts and their replies, opt-outs.

alter table notice
    -- the SMS asks the guardian to reply (请回复1确认收到); the notice counts who confirmed
    add column reply_required boolean not null default false,
    -- a reminder's original notice: a confirmation of the reminder counts on the original
    add column reply_for      bigint references notice (id);
create index notice_reply_for_idx on notice (reply_for) where reply_for is not null;

-- Every stored MO the reply handler looked at, once (keyed on the inbound message: a redelivered MO is not
-- handled twice), with what it meant and what was done. Replies for the teacher (unparsed, unclear,
-- ambiguous) are the rows with outcome FOR_TEACHER: the head teacher's inbox.
create table parent_reply (
    id           bigserial    primary key,
    inbound_id   bigint       not null unique references inbound_message (id),
    source_hash  bytea        not null,
    guardian_id  bigint       references guardian (id) on delete set null,
    student_id   bigint       references student (id) on delete set null,
    class_id     bigint       references unit (id),
    notice_id    bigint       references notice (id),
    intent       varchar(24)  not null,
    outcome      varchar(24)  not null,
    detail       varchar(200),
    body         text         not null,
    -- the gateway answered it by SMS (counts against the per-number rate limit)
    answered     boolean      not null default false,
    received_at  timestamptz  not null,
    handled_at   timestamptz  not null default now()
);
create index parent_reply_source_idx on parent_reply (source_hash, handled_at);
create index parent_reply_class_idx on parent_reply (class_id, received_at);

create table notice_confirmation (
    notice_id     bigint      not null references notice (id),
    guardian_id   bigint      not null references guardian (id) on delete cascade,
    reply_id      bigint      not null references parent_reply (id),
    confirmed_at  timestamptz not null,
    primary key (notice_id, guardian_id)
);

create table leave_request (
    id             bigserial    primary key,
    reply_id       bigint       not null unique references parent_reply (id),
    student_id     bigint       not null references student (id) on delete cascade,
    class_id       bigint       not null references unit (id),
    guardian_id    bigint       references guardian (id) on delete set null,
    from_date      date         not null,
    to_date        date         not null,
    day_part       varchar(12)  not null check (day_part in ('MORNING', 'AFTERNOON', 'FULL_DAY')),
    reason         varchar(500) not null,
    original_text  text         not null,
    state          varchar(12)  not null check (state in ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by     bigint       references staff_account (id),
    decided_at     timestamptz,
    decision_note  varchar(500),
    created_at     timestamptz  not null default now(),
    check (to_date >= from_date)
);
create index leave_request_class_idx on leave_request (class_id, created_at);

create table absence (
    id             bigserial    primary key,
    student_id     bigint       not null references student (id) on delete cascade,
    class_id       bigint       not null references unit (id),
    absence_date   date         not null,
    kind           varchar(16)  not null check (kind in ('ABSENT', 'LEFT_SCHOOL')),
    period         varchar(50)  not null default '',
    note           varchar(500) not null default '',
    reported_by    bigint       not null references staff_account (id),
    notice_id      bigint       references notice (id),
    reply_id       bigint       references parent_reply (id),
    reply_text     text,
    replied_at     timestamptz,
    escalated_at   timestamptz,
    escalated_to   bigint       references staff_account (id),
    created_at     timestamptz  not null default now()
);
create index absence_notice_idx on absence (notice_id);
create index absence_open_idx on absence (created_at) where replied_at is null and escalated_at is null;

-- STOP / TD / 退订: no more non-mandatory notices (emergencies and attendance alerts still reach him).
create table guardian_opt_out (
    guardian_id   bigint      primary key references guardian (id) on delete cascade,
    reply_id      bigint      references parent_reply (id),
    opted_out_at  timestamptz not null default now()
);
