-- A taxonomy file reverted to an earlier version becomes the newest version again (docs/taxonomy.md,
-- "Versions"). Until now loading a file whose checksum was stored before returned that old id, so the
-- version it was meant to undo stayed the newest: its labels stayed current in v_document_categories,
-- its categories in v_categories, and the archive was never classified again.
--
-- The checksum is no longer unique: loading a file that differs from the newest version stores a new
-- version (a new id, so it is the newest) even if an older version had the same data; loading the
-- newest version's file again is still a no-op. Loaders take a lock on the table (classify/taxonomy.py)
-- instead of relying on the key. The version label stays unique (a reload is labelled …/2, …/3).
ALTER TABLE taxonomy_versions DROP CONSTRAINT IF EXISTS taxonomy_versions_checksum_key;
