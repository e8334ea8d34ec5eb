-- The school tree, its people and their accounts.
-- Contact points (mobile numbers, e-mail) are stored encrypted (AES-GCM) with a keyed hash beside
-- them, so that an incoming SMS still finds its guardian by number through an index (000 §3).

create table unit (
    id          bigserial primary key,
    code        varchar(32)  not null unique,
    name        varchar(100) not null,
    kind        varchar(16)  not null check (kind in ('SCHOOL', 'GRADE', 'COLLEGE', 'DEPARTMENT', 'OFFICE', 'CLASS')),
    parent_id   bigint references unit (id),
    -- materialised path of ids, '/1/4/7/': a subtree is a prefix match
    path        varchar(400) not null,
    created_at  timestamptz  not null default now()
);
create index unit_path_idx on unit (path varchar_pattern_ops);

create table student (
    id          bigserial primary key,
    class_id    bigint      not null references unit (id),
    student_no  varchar(32) not null unique,
    name        varchar(50) not null,
    created_at  timestamptz not null default now()
);
create index student_class_idx on student (class_id);

create table guardian (
    id           bigserial primary key,
    name         varchar(50) not null,
    mobile_enc   bytea,
    mobile_hash  bytea,
    email_enc    bytea,
    created_at   timestamptz not null default now()
);
create index guardian_mobile_hash_idx on guardian (mobile_hash);

create table guardian_student (
    guardian_id  bigint      not null references guardian (id) on delete cascade,
    student_id   bigint      not null references student (id) on delete cascade,
    relation     varchar(20) not null,
    primary key (guardian_id, student_id)
);
create index guardian_student_student_idx on guardian_student (student_id);

create table staff_account (
    id             bigserial primary key,
    username       varchar(50)  not null unique,
    display_name   varchar(50)  not null,
    unit_id        bigint       not null references unit (id),
    password_hash  varchar(200) not null,
    mobile_enc     bytea,
    mobile_hash    bytea,
    status         varchar(16)  not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    created_at     timestamptz  not null default now()
);

create table role_assignment (
    account_id  bigint      not null references staff_account (id) on delete cascade,
    role        varchar(32) not null,
    unit_id     bigint      not null references unit (id),
    primary key (account_id, role, unit_id)
);
create index role_assignment_unit_idx on role_assignment (unit_id, role);
