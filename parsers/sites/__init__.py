"""One module per source_id; each defines versioned parser classes (V1, V1_1 …)."""
