-- Operations (issue 10): the archive-retention job and the metrics gauges.

-- When the retention job deleted a finished notice's per-recipient message rows (the notice, its approvals
-- and its audit rows stay).
alter table notice add column messages_purged_at timestamptz;
create index notice_retention_idx on notice (finished_at) where messages_purged_at is null;

-- Message counts and send latency of the last day, read every 30 seconds for the metrics.
create index outbound_message_created_idx on outbound_message (created_at);
