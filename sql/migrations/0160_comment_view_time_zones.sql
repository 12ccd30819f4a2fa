-- The time convention of the reader's views, in their comments: every *_at column is a timestamptz
-- (an instant, stored in UTC) that psql shows in the session's TimeZone (SET TIME ZONE
-- 'Asia/Shanghai' to read China time); every *_on / day column is a calendar date in China
-- (Asia/Shanghai), where the sources publish. futurewatch's own CLI shows times in
-- FUTUREWATCH_TIMEZONE (default Asia/Shanghai) and names the zone.

COMMENT ON VIEW v_documents IS 'The current version of every document, with its source: the main table for analysts. Times (*_at) are timestamptz, stored in UTC and shown in the session TimeZone; dates (*_on) are days in China (Asia/Shanghai).';
COMMENT ON VIEW v_document_categories IS 'Taxonomy categories of current document versions, from the newest taxonomy version that classified each version. Times (*_at) are timestamptz, stored in UTC and shown in the session TimeZone; dates (*_on) are days in China (Asia/Shanghai).';
COMMENT ON VIEW v_policy_documents IS 'Current versions of policy documents with their metadata (索引号, 发文机关, 发文字号, dates, 有效性). published_at is timestamptz (stored in UTC, shown in the session TimeZone); the *_on dates are days in China as printed on the document.';
COMMENT ON VIEW v_entity_mentions IS 'Mentions of entities in current document versions. published_at is timestamptz (stored in UTC, shown in the session TimeZone); dates (*_on) are days in China (Asia/Shanghai).';
COMMENT ON VIEW v_stories IS 'Stories: one piece of news or one policy, however many sources carried it. Times (*_at) are timestamptz, stored in UTC and shown in the session TimeZone.';
COMMENT ON VIEW v_entities IS 'Named entities (organisations, places, policy titles, document numbers, amounts, target years). first_seen_on is a day in China (Asia/Shanghai).';
COMMENT ON VIEW v_current_classifications IS 'The labels of every document version from the newest taxonomy version that classified it. classified_at is timestamptz (stored in UTC, shown in the session TimeZone).';
COMMENT ON VIEW v_entity_mentions_daily IS 'Mentions and documents per entity and day; day is the publication day in China (Asia/Shanghai), else the day the version was stored.';

COMMENT ON COLUMN v_documents.published_at IS 'Publication time as stated by the page, if known (timestamptz: stored in UTC, shown in the session TimeZone).';
COMMENT ON COLUMN v_documents.first_seen_at IS 'When futurewatch first saw the document (timestamptz, UTC).';
COMMENT ON COLUMN v_document_categories.published_at IS 'Publication time of the document (timestamptz, UTC).';
COMMENT ON COLUMN v_document_categories.classified_at IS 'When the label was computed (timestamptz, UTC).';
COMMENT ON COLUMN v_policy_documents.published_at IS 'Publication time shown on the page (timestamptz, UTC).';
COMMENT ON COLUMN v_entity_mentions.published_at IS 'Publication time of the document (timestamptz, UTC).';
COMMENT ON COLUMN v_entities.first_seen_on IS 'Day in China (Asia/Shanghai) the entity was first seen.';
COMMENT ON COLUMN v_entity_mentions.first_seen_on IS 'Day in China (Asia/Shanghai) the entity was first seen in the archive.';
COMMENT ON COLUMN v_stories.created_at IS 'When the story was created (timestamptz, UTC).';
COMMENT ON COLUMN v_stories.first_published_at IS 'Earliest publication time (timestamptz, UTC).';
COMMENT ON COLUMN v_stories.last_published_at IS 'Latest publication time (timestamptz, UTC).';
COMMENT ON COLUMN v_current_classifications.classified_at IS 'When the label was computed (timestamptz, UTC).';
COMMENT ON COLUMN v_entity_mentions_daily.day IS 'Publication day in China (Asia/Shanghai), else the day the version was stored.';
