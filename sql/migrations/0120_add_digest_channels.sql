-- Digests for chat groups: subscriber options and webhooks, and a per-channel outbox.

-- A subscriber may be reached only by chat webhooks: then the name identifies it.
ALTER TABLE subscribers ALTER COLUMN email DROP NOT NULL;
ALTER TABLE subscribers ADD CONSTRAINT subscribers_identity_check CHECK (email IS NOT NULL OR name IS NOT NULL);
CREATE UNIQUE INDEX subscribers_name_without_email_idx ON subscribers (name) WHERE email IS NULL;
-- [{"kind": "wecom|dingtalk|feishu", "url" | "url_env", "secret" | "secret_env"}], from the subscriber file
ALTER TABLE subscribers ADD COLUMN webhooks jsonb NOT NULL DEFAULT '[]'::jsonb;
-- {"view", "top_items", "chart_days", "unsubscribe"}: how the digest is laid out for this reader
ALTER TABLE subscribers ADD COLUMN options jsonb NOT NULL DEFAULT '{}'::jsonb;

-- The chat outbox: one row per digest and webhook (channel = kind:<hash of the URL>), its
-- messages built with the digest. Rows move pending -> sending -> sent like `deliveries`;
-- posting_at is committed just before a message is POSTed, parts_sent after each accepted one.
-- A row stale in 'sending' with posting_at set becomes 'in_doubt' and is not resent (at most once).
CREATE TABLE chat_deliveries (
    digest_id       bigint NOT NULL REFERENCES digests ON DELETE CASCADE,
    channel         text NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('wecom', 'dingtalk', 'feishu')),
    messages        jsonb NOT NULL,
    parts_sent      integer NOT NULL DEFAULT 0,
    status          text NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'in_doubt')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claim_token     text,
    claimed_at      timestamptz,
    posting_at      timestamptz,
    last_error      text,
    sent_at         timestamptz,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (digest_id, channel)
);
CREATE INDEX chat_deliveries_due_idx ON chat_deliveries (next_attempt_at) WHERE status IN ('pending', 'sending');

-- Every POST to a robot, for its rate limit (about 20 a minute) across processes.
CREATE TABLE chat_posts (
    channel  text NOT NULL,
    posted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chat_posts_channel_idx ON chat_posts (channel, posted_at);
