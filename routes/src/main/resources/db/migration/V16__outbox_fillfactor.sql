-- A sender's lease (claimed_at, attempts) changes no indexed column: with room left on each page the update is
-- HOT (no new index entries), which is most of a claim's cost on a large fan-out.
alter table outbound_message set (fillfactor = 80);
