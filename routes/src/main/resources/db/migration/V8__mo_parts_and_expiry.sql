-- Parts of concatenated mobile-originated messages until all are there. Every gateway instance writes
-- here, since the parts of one message may come over different binds or to different instances.
-- Completed parts are kept for a while so that a part delivered again is recognised as a repeat.
create table mo_part (
    connection    varchar(50)  not null,
    source_hash   bytea        not null,
    destination   varchar(32)  not null,
    reference     integer      not null,
    total         smallint     not null,
    part_no       smallint     not null,
    source_enc    bytea        not null,
    data_coding   smallint     not null,
    -- user data without the header, undecoded: a UCS-2 character may be cut between two parts
    payload       bytea        not null,
    received_at   timestamptz  not null,
    completed_at  timestamptz,
    primary key (connection, source_hash, destination, reference, total, part_no)
);
create index mo_part_open_idx on mo_part (received_at) where completed_at is null;
create index mo_part_completed_idx on mo_part (completed_at) where completed_at is not null;

-- How many parts a stored MO had, and whether some never came (stored after the reassembly window).
alter table inbound_message add column parts smallint not null default 1;
alter table inbound_message add column incomplete boolean not null default false;

-- The receipt expiry looks for submitted messages by age.
create index outbound_message_submitted_idx on outbound_message (submitted_at) where state = 'SUBMITTED';
