-- The Web Push application server key pair (VAPID), generated once when none is configured. Browsers'
-- subscriptions are bound to the public key: a new pair would silently orphan every subscription, so the
-- pair lives here, shared by every gateway instance, the private half sealed with the contact cipher.
create table push_vapid_key (
    id               smallint    primary key default 1 check (id = 1),
    public_key       varchar(100) not null,
    private_key_enc  bytea       not null,
    created_at       timestamptz not null default now()
);

