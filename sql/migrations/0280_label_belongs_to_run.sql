-- A label belongs to its classification run: one foreign key (version_id, taxonomy_version_id)
-- to classification_runs replaces the two to document_versions and taxonomy_versions. The run's
-- own keys reference both, so integrity is the same (a label's version and taxonomy version
-- exist; deleting a version deletes its runs and, through them, its labels), at one check per
-- label row instead of two (the checks were half of the label insert's server CPU).
--
-- It also makes "a version not yet classified by a taxonomy version has no labels from it" a
-- guarantee: a reclassification inserts the run row first (claiming the version) and then its
-- labels with a plain COPY, with no DELETE of leftovers and no conflict handling (classify/pipeline.py).
--
-- Deferred to the commit, so a writer may insert a version's labels before its run row in one
-- transaction. Labels without a run (futurewatch never wrote any: a batch writes both in one
-- transaction) are removed first; no view shows them, and their versions are still pending for
-- that taxonomy version, so the next classification writes them again.
DELETE FROM classifications c
WHERE NOT EXISTS (SELECT 1 FROM classification_runs r
                  WHERE r.version_id = c.version_id AND r.taxonomy_version_id = c.taxonomy_version_id);

ALTER TABLE classifications
    DROP CONSTRAINT IF EXISTS classifications_version_id_fkey,
    DROP CONSTRAINT IF EXISTS classifications_taxonomy_version_id_fkey,
    ADD CONSTRAINT classifications_run_fkey FOREIGN KEY (version_id, taxonomy_version_id)
        REFERENCES classification_runs (version_id, taxonomy_version_id) ON DELETE CASCADE
        DEFERRABLE INITIALLY DEFERRED;
