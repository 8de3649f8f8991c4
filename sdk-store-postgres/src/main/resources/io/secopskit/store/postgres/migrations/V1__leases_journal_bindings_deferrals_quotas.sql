-- SecOpsKit PostgreSQL store, schema version 1.
-- ${schema} stands for the store's schema (default "secopskit"). Every table carries the secopskit_ prefix, so the
-- store can share a schema with an application's own tables without a name clash. Times are timestamptz (UTC,
-- microseconds) from the calling replica's clock.

-- Customer leases: one row per customer; the fence grows by one with every acquisition and is never reset.
CREATE TABLE ${schema}.secopskit_lease (
    customer_code text PRIMARY KEY,
    fence bigint NOT NULL,
    owner text NOT NULL,
    host text NOT NULL,
    pid bigint NOT NULL,
    process_start timestamptz,
    acquired_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    released_at timestamptz
);

-- The append-only journal: what each run did or was about to do; never a secret value.
CREATE TABLE ${schema}.secopskit_journal (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_code text NOT NULL,
    vendor text,
    run_id text NOT NULL,
    event text NOT NULL,
    tenant_id text,
    at timestamptz NOT NULL,
    details jsonb NOT NULL
);
CREATE INDEX secopskit_journal_by_customer ON ${schema}.secopskit_journal (customer_code, seq);

-- Lasting customer -> vendor resource bindings.
CREATE TABLE ${schema}.secopskit_binding (
    customer_code text NOT NULL,
    vendor text NOT NULL,
    tenant_id text NOT NULL,
    state text NOT NULL,
    origin text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (customer_code, vendor)
);

-- Customers waiting for a vendor quota, with their spec (JSON, no secrets).
CREATE TABLE ${schema}.secopskit_deferral (
    customer_code text PRIMARY KEY,
    spec text NOT NULL,
    vendors text[] NOT NULL,
    resets_at timestamptz NOT NULL,
    deferred_at timestamptz NOT NULL
);
CREATE INDEX secopskit_deferral_by_reset ON ${schema}.secopskit_deferral (resets_at, customer_code);

-- Shared sliding-window quotas: per key, the send times still inside the window (oldest first, at most the limit).
CREATE TABLE ${schema}.secopskit_quota (
    quota_key text PRIMARY KEY,
    sends timestamptz[] NOT NULL,
    last_granted boolean NOT NULL
);
