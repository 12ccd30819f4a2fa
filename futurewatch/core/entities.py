"""Entity types: what the extractor (classify.entities) finds and alert rules may filter on.

The same list is the CHECK on entities.type (sql/migrations/0001); tests/alerts compare the two.
"""

ENTITY_TYPES = ("org", "place", "policy_title", "doc_number", "money", "target_year")
