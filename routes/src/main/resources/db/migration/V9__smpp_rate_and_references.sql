-- Carrier rates shared by every gateway instance (Bucket4j's table), and concatenation references that never
-- repeat within 255 long messages to one number.
create table bucket (
    id     bigint primary key,
    state  bytea
);

create table concat_reference (
    recipient_hash  bytea    primary key,
    last_ref        smallint not null
);

alter table outbound_message add column concat_ref smallint;
-- submit_sm a message takes: its parts, or one when the SMSC takes the whole text in message_payload
alter table outbound_message add column submit_parts smallint;
