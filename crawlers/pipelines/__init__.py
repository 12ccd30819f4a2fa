"""Item pipelines, one per file: blocked-page detection → raw store → PostgreSQL."""
