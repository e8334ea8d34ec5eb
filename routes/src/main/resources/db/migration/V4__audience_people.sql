-- Audiences reach people directly too: guardians from custom groups, and staff (all teachers, a department).
create table notice_guardian (
    notice_id    bigint not null references notice (id) on delete cascade,
    guardian_id  bigint not null references guardian (id),
    primary key (notice_id, guardian_id)
);

create table notice_staff (
    notice_id  bigint not null references notice (id) on delete cascade,
    staff_id   bigint not null references staff_account (id),
    primary key (notice_id, staff_id)
);

alter table outbound_message add column staff_id bigint references staff_account (id);
