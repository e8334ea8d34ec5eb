-- The held-messages timer looks every few seconds for queued messages no sender took (requeueStale): without
-- this index that is a walk over every queued row, or the whole archive.
create index outbound_message_queued_dispatch_idx on outbound_message (dispatched_at) where state = 'QUEUED';
