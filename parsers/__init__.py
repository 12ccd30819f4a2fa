"""Raw pages → clean Documents: per-source versioned parsers, a generic fallback, dedup."""
