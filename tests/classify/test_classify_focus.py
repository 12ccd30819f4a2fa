"""Stage 2 (focus): calibrated scores, evidence, the genre decision, the shipped weights and
retraining. Texts here were written for these tests, not taken from the corpus."""

import json
import math

import pytest

from classify.classifier import Classifier, Options, default_classifier
from classify.focus import FEATURES, MODEL_PATH, feature_rows, read_model
from classify.scan import scan_document
from classify.tracks import select_tracks
from classify.train import train_model
from futurewatch.core.taxonomy import read_taxonomy
from tests.classify.corpus_rows import corpus_rows

INDUSTRY = ("光伏企业签约落地", "总投资80亿元的光伏组件项目签约落地，将建设TOPCon电池生产线，年产能10GW。")
EXAM = ("高考物理考点：光伏效应", "本节复习光电效应与太阳能电池的原理，考生需掌握选择题中常见的考点，并完成课后习题。")
MAIN_AND_ASIDE = ("量子计算公司完成融资",
                  "国内一家量子计算企业完成新一轮融资，资金将用于超导量子芯片研发和产业化，推动量子计算机商用。")


def codes(classifier, title, text):
    return {lb.code for lb in classifier.classify(title, text).labels}


@pytest.fixture(scope="module")
def stage1():
    return Classifier(read_taxonomy(), Options(focus=False))


def test_labels_carry_a_probability_and_evidence():
    for title, text in (INDUSTRY, MAIN_AND_ASIDE):
        result = default_classifier().classify(title, text)
        assert result.labels
        for label in result.labels:
            assert default_classifier().threshold <= label.score <= 1
            assert label.evidence and label.support >= 1.0


def test_an_exam_text_is_not_a_focus_but_an_industry_text_is(stage1):
    assert "photovoltaic" in codes(stage1, *EXAM)          # stage 1 proposes it
    assert "photovoltaic" not in codes(default_classifier(), *EXAM)
    assert "photovoltaic" in codes(default_classifier(), *INDUSTRY)


def test_a_component_named_in_passing_is_not_the_texts_track(stage1):
    assert codes(stage1, *MAIN_AND_ASIDE) == {"quantum", "integrated_circuits"}
    assert codes(default_classifier(), *MAIN_AND_ASIDE) == {"quantum"}


AI_PHARMA = ("生成式人工智能加速新药研发", "多家医药企业引入人工智能平台筛选候选分子，新药研发周期缩短一半，临床前研究成本大幅下降。")
LISTED = ("市政府印发未来产业行动方案",
          "方案提出重点培育人工智能、生物医药、量子科技、低空经济等产业集群，到2027年产业规模突破万亿元。")


def test_a_combined_track_is_proposed_where_its_parts_meet_but_not_from_a_list(stage1):
    assert "ai_biomed" in codes(stage1, *AI_PHARMA)        # no ai_biomed term: 人工智能 meets 新药研发
    assert {"ai", "biomedicine"} <= codes(stage1, *LISTED)
    assert "ai_biomed" not in codes(stage1, *LISTED)       # 人工智能、生物医药 are items of one list


def test_a_kept_combined_track_replaces_the_parts_it_absorbed(stage1):
    doc = scan_document(stage1.matcher, *AI_PHARMA)
    tracks = {t.code: t for t in select_tracks(doc, stage1.options.weights, {}, stage1.compounds)}
    assert tracks["ai"].absorbed_by == tracks["biomedicine"].absorbed_by == "ai_biomed"
    found = codes(default_classifier(), *AI_PHARMA)
    assert "ai_biomed" in found and not found & {"ai", "biomedicine"}


def test_fast_inference_equals_the_full_feature_vector():
    clf = default_classifier()
    for title, text in (INDUSTRY, EXAM, MAIN_AND_ASIDE):
        doc = scan_document(clf.matcher, title, text)
        tracks = select_tracks(doc, clf.options.weights, {}, clf.compounds)
        rows = feature_rows(doc, tracks, clf.parents)
        assert all(len(r) == len(FEATURES) for r in rows)
        fast = clf.model.probabilities(doc, tracks, clf.parents)
        assert fast == pytest.approx([clf.model.probability(r) for r in rows])


def test_weights_for_other_features_are_refused(tmp_path):
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="retrain"):
        read_model(path)


def test_retraining_writes_weights_that_the_classifier_loads(tmp_path):
    """Train on the gold set plus a three-item corpus (seconds), then classify with the result."""
    items = [
        {"id": "t1", "title": INDUSTRY[0], "text": INDUSTRY[1], "codes": ["photovoltaic"], "split": "train"},
        {"id": "t2", "title": EXAM[0], "text": EXAM[1], "codes": [], "split": "train"},
        {"id": "d1", "title": MAIN_AND_ASIDE[0], "text": MAIN_AND_ASIDE[1], "codes": ["quantum"], "split": "dev"},
    ]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "items_t.jsonl").write_text(corpus_rows(*items), encoding="utf-8")
    out = tmp_path / "focus_model.json"
    report = train_model(corpus, out)
    assert report["train"]["items"] >= 100 and report["cv"]["items"] == 3
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["features"] == FEATURES and len(data["coef"]) == len(FEATURES)
    retrained = Classifier(read_taxonomy(), Options(model_path=out))
    assert "photovoltaic" in codes(retrained, *INDUSTRY)


def test_the_calibration_map_is_folded_into_the_weights():
    from classify.train import calibrated, platt

    probs = [0.9] * 60 + [0.1] * 60
    labels = [1] * 45 + [0] * 15 + [1] * 15 + [0] * 45   # the scores are over-confident: 0.9 is right 75 %
    a, b = platt(probs, labels)
    assert 0 < a < 1
    params = calibrated({"coef": [2.0], "intercept": -1.0}, a, b)
    z = 2.0 * 1.5 - 1.0
    assert params["coef"][0] * 1.5 + params["intercept"] == pytest.approx(a * z + b)
    assert 1 / (1 + math.exp(-(a * math.log(9) + b))) == pytest.approx(0.75, abs=0.01)


def test_a_specific_track_or_a_product_stands_for_the_general_track_or_the_component():
    from classify.focus import subordinates

    assert subordinates({"brain_computer": 4.0, "biomedicine": 2.5}) == {"biomedicine"}
    assert subordinates({"brain_computer": 1.0, "biomedicine": 5.0}) == set()   # the general track leads
    assert subordinates({"nev": 3.0, "integrated_circuits": 1.5}) == {"integrated_circuits"}
    assert subordinates({"quantum": 3.0, "hydrogen": 3.0}) == set()             # unrelated tracks
    assert subordinates({"brain_computer": 4.0, "biomedicine": 2.5}, {"biomedicine"}) == set()   # lists count
