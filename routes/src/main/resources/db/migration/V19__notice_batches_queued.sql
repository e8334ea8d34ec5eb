-- When the release route had handed all of a notice's fan-out batches to the broker. Marked once per notice instead
-- of once per message (outbound_message.dispatched_at, now set when the row is inserted): a release that comes back
-- for a SENDING notice re-queues its unclaimed messages only if this is still null, i.e. the gateway died between
-- the fan-out's commit and the end of the queueing.
alter table notice add column batches_queued_at timestamptz;
