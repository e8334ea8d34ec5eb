-- Settings the school-level account manager edits in the console (quiet hours, approval chains). A missing row
-- means "as configured": the jiaxiao.* properties are the defaults, so deleting a row puts the default back.
-- Every gateway instance rereads this small table on a timer, so an edit reaches all of them without a restart;
-- who changed what is in admin_audit, written in the same transaction.
create table school_setting (
    -- 'quiet-hours', or 'approval-chain.<kind>' (class, division, school, department, emergency)
    name        varchar(64)  primary key check (name ~ '^[a-z][a-z.-]*$'),
    -- quiet hours: {"enabled":true,"start":"22:00","end":"07:00"}; a chain: its steps as the property writes
    -- them, e.g. "REVIEW:STUDENT_WORK_LEADER@division, APPROVE:GRADE_LEADER@division"
    value       text         not null,
    updated_by  bigint       references staff_account (id),
    updated_at  timestamptz  not null default now()
);
