"""Chinese full-text search over the archive: the search call and its snippets.

The index and the ranking live in SQL (migrations 0010–0012, 0016, 0170–0171, 0210, 0220, 0260: fw_normalize,
fw_search_keys over stored search_keys, fw_contains, fw_search with its plan chosen by the newest documents, then the index
(fw_search_plan; excluded two-character terms dropped through the index), see docs/search.md "Ranking");
this package calls fw_search() (repository.py)
and cuts the snippets (snippet.py); queries are read by the shared grammar
(futurewatch/core/querygrammar.py) and put in SQL's shape by search/query.py.
"""
