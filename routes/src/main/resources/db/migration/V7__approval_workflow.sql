-- The approval workflow (001 §5): send times and quiet hours, filed requests, rejections, rounds of approval.

alter table notice
    add column send_at            timestamptz,      -- the drafter's send time, or the end of quiet hours
    add column request_reason     varchar(1000),    -- 书面申请: why a department asks to send
    add column rejection_reason   varchar(1000),
    add column filed_at           timestamptz,      -- 备案: a division notice filed with student affairs
    add column released_at        timestamptz,      -- a department's designated sender released it
    add column approval_round     smallint not null default 1,
    add column chain_kind         varchar(16);      -- which configured chain the current round follows
create index notice_scheduled_idx on notice (send_at) where status = 'SCHEDULED';

-- Each submission starts a new round: earlier rounds stay as they were decided.
alter table approval_step add column round smallint not null default 1;
alter table approval_step add column created_at timestamptz not null default now();
alter table approval_step add column escalated_at timestamptz;
alter table approval_step add column comment varchar(1000);
alter table approval_step drop constraint approval_step_pkey;
alter table approval_step add primary key (notice_id, round, seq);

-- For any message sent: who drafted, who reviewed, who approved, and when — one query.
create view sent_message_archive as
select m.id                 as message_id,
       m.notice_id,
       m.channel,
       m.recipient_masked,
       m.body,
       m.state,
       m.created_at,
       m.submitted_at,
       m.done_at,
       n.title,
       drafter.username     as drafted_by,
       n.created_at         as drafted_at,
       reviewer.username    as reviewed_by,
       review.decided_at    as reviewed_at,
       approver.username    as approved_by,
       approval.decided_at  as approved_at
from outbound_message m
join notice n on n.id = m.notice_id
join staff_account drafter on drafter.id = n.drafter_id
left join lateral (select s.actor_id, s.decided_at from approval_step s
                   where s.notice_id = n.id and s.round = n.approval_round and s.action = 'REVIEW'
                   order by s.seq desc limit 1) review on true
left join staff_account reviewer on reviewer.id = review.actor_id
left join lateral (select s.actor_id, s.decided_at from approval_step s
                   where s.notice_id = n.id and s.round = n.approval_round and s.action = 'APPROVE'
                   order by s.seq desc limit 1) approval on true
left join staff_account approver on approver.id = approval.actor_id;
