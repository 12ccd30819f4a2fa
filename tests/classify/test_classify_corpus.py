"""The classifier on the labelled corpus of real public text (tests/fixtures/classify_corpus).

Most corpus texts are not redistributed (see the corpus README): they come from a local cache
(FUTUREWATCH_CORPUS_TEXTS, filled by `python scripts/build_classify_corpus.py --fetch`). The
corpus's shape is checked from its committed metadata in test_corpus_integrity.py; here the
test-split floors are checked wherever the texts are cached, and skipped, saying why, where not.
The floors are the one measurement of the test split made after the stage-2 weights were frozen
(docs/quality-classify.md, fourth round: 160 of the 208 test items had a recovered text), minus a margin
for noise; lowering one needs a reviewed commit that says why. Items whose text is not cached
are left out; with fewer than MIN_ITEMS left the floors are not checked."""

import pytest

from classify.corpus import CorpusError, read_corpus
from classify.evaluate import evaluate_items

MICRO_F1_FLOOR = 0.84              # measured 0.859 (145 items with text; 0.878 on 160 last session)
PRECISION_FLOOR = 0.82             # measured 0.844 (0.905 on 160 items last session; the weights before: 0.878 on these 145)
NEGATIVES_LABELLED_CEILING = 0.14   # share of negative items with any label; measured 0.113 (7 of 62)
MIN_ITEMS = 100


@pytest.fixture(scope="module")
def test_split():
    items = read_corpus(splits=("test",), allow_missing=True)
    if len(items) < MIN_ITEMS:
        pytest.skip(f"corpus texts are not cached here: {len(items)} test items have a text, "
                    f"{MIN_ITEMS} needed (set FUTUREWATCH_CORPUS_TEXTS to a text cache)")
    return items


def test_read_corpus_refuses_splits_without_texts():
    with pytest.raises(CorpusError, match="have no text"):
        read_corpus(splits=("test",), texts={})


def test_read_corpus_can_leave_out_the_items_without_text(caplog):
    stored = read_corpus(splits=("dev",), texts={}, allow_missing=True)   # only texts committed here
    assert all(item["text"] for item in stored)
    assert "have no text and are left out" in caplog.text


def test_classifier_meets_the_test_split_floors(test_split):
    report = evaluate_items(test_split)
    assert report.micro.f1 >= MICRO_F1_FLOOR, report.as_dict()["micro"]
    assert report.micro.precision >= PRECISION_FLOOR, report.as_dict()["micro"]
    assert report.negatives_labelled <= NEGATIVES_LABELLED_CEILING, report.negatives
