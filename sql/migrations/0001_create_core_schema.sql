-- The archive's core tables. Natural keys carry UNIQUE constraints so every writer upserts.

CREATE TABLE sources (
    source_id      text PRIMARY KEY,
    name           text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('news', 'policy')),
    enabled        boolean NOT NULL DEFAULT true,
    config         jsonb NOT NULL DEFAULT '{}'::jsonb,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE crawl_runs (
    crawl_run_id   bigserial PRIMARY KEY,
    source_id      text NOT NULL REFERENCES sources,
    run_key        text NOT NULL,            -- caller-chosen id (Airflow run id, CLI uuid)
    started_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    status         text NOT NULL DEFAULT 'running'
                   CHECK (status IN ('running', 'succeeded', 'failed', 'unreachable', 'partial')),
    listed         integer NOT NULL DEFAULT 0,
    new            integer NOT NULL DEFAULT 0,
    changed        integer NOT NULL DEFAULT 0,
    unchanged      integer NOT NULL DEFAULT 0,
    failed         integer NOT NULL DEFAULT 0,
    blocked        integer NOT NULL DEFAULT 0,
    requests       integer NOT NULL DEFAULT 0,
    duration_ms    integer,
    error          text,
    UNIQUE (source_id, run_key)
);

-- One row per URL a spider has seen: the memory behind incremental crawling.
CREATE TABLE seen_urls (
    url            text PRIMARY KEY,
    source_id      text NOT NULL REFERENCES sources,
    first_seen_at  timestamptz NOT NULL DEFAULT now(),
    last_seen_at   timestamptz NOT NULL DEFAULT now(),
    last_fetched_at timestamptz,
    etag           text,
    last_modified  text,
    last_sha256    text,
    last_status    integer,
    hints          jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX seen_urls_source_idx ON seen_urls (source_id, last_seen_at);

-- Every body fetched, byte for byte; the bytes live in the content-addressed raw store.
CREATE TABLE raw_fetches (
    raw_fetch_id   bigserial PRIMARY KEY,
    source_id      text NOT NULL REFERENCES sources,
    crawl_run_id   bigint REFERENCES crawl_runs,
    url            text NOT NULL,
    final_url      text NOT NULL,
    status         integer NOT NULL,
    headers        jsonb NOT NULL DEFAULT '{}'::jsonb,
    fetched_at     timestamptz NOT NULL,
    sha256         text NOT NULL,
    size_bytes     bigint NOT NULL,
    storage_key    text NOT NULL,
    content_type   text,
    kind           text NOT NULL DEFAULT 'page' CHECK (kind IN ('page', 'attachment', 'listing')),
    blocked_reason text,
    hints          jsonb NOT NULL DEFAULT '{}'::jsonb,
    parent_url     text,                     -- for attachments: the page that links to it
    processed_at   timestamptz,              -- set by `futurewatch process`
    process_error  text,
    UNIQUE (url, sha256)
);
CREATE INDEX raw_fetches_unprocessed_idx ON raw_fetches (raw_fetch_id) WHERE processed_at IS NULL;
CREATE INDEX raw_fetches_source_idx ON raw_fetches (source_id, fetched_at);

-- A story: one piece of news or one policy, however many sources carry it.
CREATE TABLE stories (
    story_id       bigserial PRIMARY KEY,
    created_at     timestamptz NOT NULL DEFAULT now(),
    signature      bytea                     -- MinHash/SimHash of the founding document
);

-- A document: one item at one source. Its identity (doc_key) survives URL changes.
CREATE TABLE documents (
    document_id    bigserial PRIMARY KEY,
    doc_key        text NOT NULL UNIQUE,     -- e.g. c114:a1283251, govcn:content_5457588, or url:<canonical>
    source_id      text NOT NULL REFERENCES sources,
    kind           text NOT NULL DEFAULT 'news' CHECK (kind IN ('news', 'policy', 'interpretation')),
    canonical_url  text NOT NULL,
    story_id       bigint REFERENCES stories,
    current_version_id bigint,               -- FK added below (circular)
    first_seen_at  timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_story_idx ON documents (story_id);
CREATE INDEX documents_source_idx ON documents (source_id);

CREATE TABLE document_urls (
    url            text PRIMARY KEY,
    document_id    bigint NOT NULL REFERENCES documents ON DELETE CASCADE
);

CREATE TABLE document_versions (
    version_id     bigserial PRIMARY KEY,
    document_id    bigint NOT NULL REFERENCES documents ON DELETE CASCADE,
    version_no     integer NOT NULL,
    raw_fetch_id   bigint REFERENCES raw_fetches,
    title          text NOT NULL DEFAULT '',
    subtitle       text,
    text           text NOT NULL DEFAULT '',
    published_at   timestamptz,
    author         text,
    origin         text,
    editor         text,
    lang           text NOT NULL DEFAULT 'zh-Hans' CHECK (lang IN ('zh-Hans', 'zh-Hant', 'und')),
    content_hash   text NOT NULL,            -- sha256 of normalised title + text
    parser         text NOT NULL,            -- e.g. c114.V1, generic.V1
    is_empty       boolean NOT NULL DEFAULT false,
    replaces_version_id bigint REFERENCES document_versions,
    change_summary jsonb,                    -- {"added": [...], "removed": [...]}
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (document_id, content_hash),
    UNIQUE (document_id, version_no)
);
CREATE INDEX document_versions_published_idx ON document_versions (published_at);
CREATE INDEX document_versions_hash_idx ON document_versions (content_hash);

ALTER TABLE documents
    ADD CONSTRAINT documents_current_version_fk
    FOREIGN KEY (current_version_id) REFERENCES document_versions DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE attachments (
    attachment_id  bigserial PRIMARY KEY,
    document_id    bigint REFERENCES documents ON DELETE CASCADE,
    page_url       text NOT NULL,
    url            text NOT NULL,
    filename       text,
    ext            text,
    size_bytes     bigint,
    sha256         text,
    storage_key    text,
    raw_fetch_id   bigint REFERENCES raw_fetches,
    text           text,
    status         text NOT NULL DEFAULT 'linked'
                   CHECK (status IN ('linked', 'stored', 'too_large', 'failed', 'extracted', 'unsupported')),
    UNIQUE (page_url, url)
);

CREATE TABLE policy_metadata (
    version_id     bigint PRIMARY KEY REFERENCES document_versions ON DELETE CASCADE,
    index_no       text,                     -- 索引号
    issuers        text[] NOT NULL DEFAULT '{}',  -- 发文机关, joint issuers as a list
    doc_number     text,                     -- 发文字号, normalised to 〔〕
    written_at     date,                     -- 成文日期
    published_on   date,                     -- 发布日期
    effective_on   date,                     -- 施行日期
    subject        text,                     -- 主题分类
    validity       text CHECK (validity IN ('in_force', 'amended', 'abolished', 'expired')),
    interprets_document_id bigint REFERENCES documents  -- 解读 → the policy it explains
);
CREATE INDEX policy_metadata_doc_number_idx ON policy_metadata (doc_number);

-- Taxonomy as versioned data.
CREATE TABLE taxonomy_versions (
    taxonomy_version_id serial PRIMARY KEY,
    version        text NOT NULL UNIQUE,
    checksum       text NOT NULL UNIQUE,
    loaded_at      timestamptz NOT NULL DEFAULT now(),
    data           jsonb NOT NULL
);

CREATE TABLE categories (
    taxonomy_version_id integer NOT NULL REFERENCES taxonomy_versions,
    code           text NOT NULL,
    name_zh        text NOT NULL,
    name_en        text,
    views          jsonb NOT NULL DEFAULT '{}'::jsonb,  -- {"guangdong": "future_electronic_info", ...}
    PRIMARY KEY (taxonomy_version_id, code)
);

CREATE TABLE category_terms (
    taxonomy_version_id integer NOT NULL,
    code           text NOT NULL,
    term           text NOT NULL,
    role           text NOT NULL DEFAULT 'alias' CHECK (role IN ('name', 'alias', 'exclusion')),
    weight         real NOT NULL DEFAULT 1.0,
    PRIMARY KEY (taxonomy_version_id, code, term, role),
    FOREIGN KEY (taxonomy_version_id, code) REFERENCES categories
);

CREATE TABLE classifications (
    version_id     bigint NOT NULL REFERENCES document_versions ON DELETE CASCADE,
    code           text NOT NULL,
    taxonomy_version_id integer NOT NULL REFERENCES taxonomy_versions,
    score          real NOT NULL,
    evidence       jsonb NOT NULL DEFAULT '[]'::jsonb,  -- [{"term","field","start","end"}]
    classified_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (version_id, code, taxonomy_version_id)
);
CREATE INDEX classifications_code_idx ON classifications (code, taxonomy_version_id);

-- Which version of each document a taxonomy version has classified: the resume point.
CREATE TABLE classification_runs (
    version_id     bigint NOT NULL REFERENCES document_versions ON DELETE CASCADE,
    taxonomy_version_id integer NOT NULL REFERENCES taxonomy_versions,
    classified_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (version_id, taxonomy_version_id)
);

CREATE TABLE entities (
    entity_id      bigserial PRIMARY KEY,
    type           text NOT NULL CHECK (type IN ('org', 'place', 'policy_title', 'doc_number', 'money', 'target_year')),
    canonical      text NOT NULL,
    first_seen_on  date,
    UNIQUE (type, canonical)
);

CREATE TABLE entity_aliases (
    entity_id      bigint NOT NULL REFERENCES entities ON DELETE CASCADE,
    alias          text NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_alias_idx ON entity_aliases (alias);

CREATE TABLE entity_mentions (
    version_id     bigint NOT NULL REFERENCES document_versions ON DELETE CASCADE,
    entity_id      bigint NOT NULL REFERENCES entities ON DELETE CASCADE,
    start_offset   integer NOT NULL,
    end_offset     integer NOT NULL,
    surface        text NOT NULL,
    PRIMARY KEY (version_id, entity_id, start_offset)
);
CREATE INDEX entity_mentions_entity_idx ON entity_mentions (entity_id);

CREATE TABLE term_candidates (
    term           text PRIMARY KEY,
    doc_count      integer NOT NULL DEFAULT 0,
    occurrences    integer NOT NULL DEFAULT 0,
    first_seen_on  date NOT NULL,
    last_seen_on   date NOT NULL,
    status         text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'rejected'))
);

-- Alerts: subscribers, rules, events, digests, deliveries (the outbox).
CREATE TABLE subscribers (
    subscriber_id  bigserial PRIMARY KEY,
    email          text NOT NULL UNIQUE,
    name           text,
    cadence        text NOT NULL DEFAULT 'daily' CHECK (cadence IN ('immediate', 'daily', 'weekly')),
    timezone       text NOT NULL DEFAULT 'Asia/Shanghai',
    language       text NOT NULL DEFAULT 'zh',
    active         boolean NOT NULL DEFAULT true,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE alert_rules (
    rule_id        bigserial PRIMARY KEY,
    subscriber_id  bigint NOT NULL REFERENCES subscribers ON DELETE CASCADE,
    name           text NOT NULL,
    rule_type      text NOT NULL CHECK (rule_type IN
                   ('keyword', 'category', 'entity', 'first_seen_entity', 'new_policy', 'changed', 'spike')),
    params         jsonb NOT NULL DEFAULT '{}'::jsonb,
    active         boolean NOT NULL DEFAULT true,
    UNIQUE (subscriber_id, name)
);

CREATE TABLE alert_events (
    event_id       bigserial PRIMARY KEY,
    rule_id        bigint NOT NULL REFERENCES alert_rules ON DELETE CASCADE,
    event_key      text NOT NULL,            -- story:<id>:v<n>, entity:<id>, spike:<code>:<day>
    story_id       bigint REFERENCES stories,
    version_id     bigint REFERENCES document_versions ON DELETE CASCADE,
    section        text NOT NULL,            -- policy | news | changed | new_entity | spike
    payload        jsonb NOT NULL DEFAULT '{}'::jsonb,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (rule_id, event_key)
);
CREATE INDEX alert_events_occurred_idx ON alert_events (occurred_at);

CREATE TABLE digests (
    digest_id      bigserial PRIMARY KEY,
    subscriber_id  bigint NOT NULL REFERENCES subscribers ON DELETE CASCADE,
    period_start   timestamptz NOT NULL,
    period_end     timestamptz NOT NULL,
    message_id     text NOT NULL UNIQUE,
    subject        text NOT NULL,
    body_text      text NOT NULL,
    body_html      text NOT NULL,
    mime           bytea,                    -- the full message as it will be sent
    event_ids      bigint[] NOT NULL DEFAULT '{}',
    built_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (subscriber_id, period_start, period_end)
);

CREATE TABLE deliveries (
    digest_id      bigint PRIMARY KEY REFERENCES digests ON DELETE CASCADE,
    channel        text NOT NULL DEFAULT 'smtp' CHECK (channel IN ('smtp', 'file')),
    status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts       integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error     text,
    sent_at        timestamptz,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
