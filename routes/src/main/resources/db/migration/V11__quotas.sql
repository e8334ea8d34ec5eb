-- SMS quotas (issue 7). A row overrides the configured defaults for one staff account or one unit; a null
-- limit in a row means unlimited. recipient_daily_messages is only read on the school (root) unit.
create table sms_quota (
    scope                     varchar(8)  not null check (scope in ('ACCOUNT', 'UNIT')),
    target_id                 bigint      not null,
    daily_sms                 integer     check (daily_sms >= 0),
    monthly_sms               integer     check (monthly_sms >= 0),
    recipient_daily_messages  integer     check (recipient_daily_messages >= 1),
    updated_by                bigint      references staff_account (id),
    updated_at                timestamptz not null default now(),
    primary key (scope, target_id)
);

-- Bucket4j's state of the quota buckets (one per scope, target and period), shared by every gateway instance.
create table quota_bucket (
    id     varchar(64) primary key,
    state  bytea
);

-- What each released notice drew from the quotas: its SMS parts, against its drafter and the drafter's units.
-- A cancelled notice gets its parts back (refunded_at) if it had not started sending.
create table quota_charge (
    notice_id    bigint      primary key references notice (id),
    account_id   bigint      not null references staff_account (id),
    unit_ids     bigint[]    not null,
    parts        integer     not null,
    charged_at   timestamptz not null,
    refunded_at  timestamptz
);
create index quota_charge_account on quota_charge (account_id, charged_at);
create index quota_charge_units on quota_charge using gin (unit_ids);

-- The per-recipient daily cap counts each guardian's messages of today.
create index outbound_message_guardian_created on outbound_message (guardian_id, created_at)
    where guardian_id is not null;
