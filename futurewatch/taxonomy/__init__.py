"""The future-industry taxonomy as versioned data."""

from futurewatch.taxonomy.loader import load_taxonomy, select_latest_taxonomy
from futurewatch.taxonomy.model import Taxonomy, TaxonomyError, read_taxonomy

__all__ = ["Taxonomy", "TaxonomyError", "load_taxonomy", "read_taxonomy", "select_latest_taxonomy"]
