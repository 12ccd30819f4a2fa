"""The faster paths of the classifier give exactly what the plain ones give (issue 10, speed).

Each test sets a fast path against a straightforward reference on random texts made of the
characters that path looks at. (bench.classify_same compares whole results with another revision.)"""

import random
import re
from bisect import bisect_left

import ahocorasick_rs
import pytest

from classify import focus, focus_signals
from classify.classifier import default_classifier
from classify.entities import (_DOC_NUMBER, _DOC_NUMBER_RUNS, _MONEY_RUNS, _POLICY_TITLE, _TARGET_YEAR_RUNS,
                               document_entities,
                               extract_pattern_entities, select_dictionary_hits)
from classify.focus_signals import sentence_ends, signal_rows
from classify.matcher import CUE, EXCLUSION, NAME, TERM, matches_exact
from classify.scan import SEPARATOR, scan_document
from classify.tracks import select_tracks
from futurewatch.core import termmatch
from futurewatch.core.termmatch import TermMatcher, fold, match_form, normalize_term

_CJK = termmatch.CJK_RANGES
# the space rule as first written: two top-level branches
REFERENCE_SPACE_SPLIT = re.compile(f"( (?:(?<=[{_CJK}] ) *| *(?=[{_CJK}]))| +(?= ))")


def random_text(rng, alphabet, most=40):
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, most)))


def test_the_space_rule_splits_as_the_two_branch_pattern():
    rng = random.Random(11)
    alphabet = [" ", " ", "  ", "a", "Z", "1", "中", "。", "\u3000", "\n", "ｂ", "-", "的"]
    for _ in range(20000):
        text = fold(random_text(rng, alphabet))
        assert termmatch._SPACE_SPLIT.split(text) == REFERENCE_SPACE_SPLIT.split(text), repr(text)


def test_the_contiguous_automaton_finds_what_the_default_one_finds():
    keys = default_classifier().matcher.keys
    default = ahocorasick_rs.AhoCorasick(keys)
    words = keys[::7]
    rng = random.Random(3)
    matcher = TermMatcher(keys)
    for _ in range(300):
        text = match_form("".join(rng.choice(words) + rng.choice(["", " ", "的", "a"]) for _ in range(30))).text
        assert matcher.scan(text) == default.find_matches_as_indexes(text, overlapping=True)


def test_the_automaton_reports_the_same_matches_whatever_the_key_order():
    """The scan's fast path relies on it (Matcher.fast_ends puts cue, term and name keys first):
    matches come by end, then longest first, from the trie, not from the keys' order."""
    keys = default_classifier().matcher.keys
    words = keys[::7]
    rng = random.Random(5)
    for _ in range(3):
        shuffled = keys[:]
        rng.shuffle(shuffled)
        ordered, reordered = TermMatcher(keys), TermMatcher(shuffled)
        for _ in range(100):
            text = match_form("".join(rng.choice(words) + rng.choice(["", " ", "的", "a"]) for _ in range(30))).text
            found = [(keys[k], s, e) for k, s, e in ordered.scan(text)]
            assert found, text
            assert [(shuffled[k], s, e) for k, s, e in reordered.scan(text)] == found, text


def _reference_scan(matcher, title, text):
    """Every match filed through `routes`, with the boundary and case checks for every key."""
    original = title + SEPARATOR + text
    form = match_form(original)
    terms, term_hits, cues, names, exclusions, contexts = {}, [], {}, [], {}, set()
    for idx, start, end in matcher.terms.find(form.text):
        for slot, entry in matcher.routes[idx]:
            if entry.exact is not None and not matches_exact(form, original, start, end, entry.exact):
                continue
            hit = (start, end, entry)
            if slot == CUE:
                cues.setdefault(entry.ref, []).append(start)
            elif slot == TERM:
                terms.setdefault(entry.ref, []).append(hit)
                term_hits.append(hit)
            elif slot == NAME:
                names.append(hit)
            elif slot == EXCLUSION:
                exclusions.setdefault(entry.ref, []).append(hit)
            else:
                contexts.add(entry.ref)
    return terms, term_hits, cues, names, exclusions, contexts


def test_the_scans_fast_path_files_every_match_as_the_general_path():
    """The scan tells the slot of a fast-path key by its index (Matcher.fast_ends); on texts of
    every kind of key it files exactly what routing every match through `routes` files."""
    matcher = default_classifier().matcher
    keys = sorted({e.term for routes in matcher.routes for _, e in routes})[::3]
    glue = ["", "", " ", "的", "。", "a", "A", "1", "\n", "、"]
    rng = random.Random(19)
    kinds = set()
    for _ in range(600):
        parts = [rng.choice(keys) + rng.choice(glue) for _ in range(30)]
        cut = rng.randrange(0, 8)
        title, text = "".join(parts[:cut]), "".join(parts[cut:])
        doc = scan_document(matcher, title, text)
        expected = _reference_scan(matcher, title, text)
        assert (doc.terms, doc.term_hits, doc.cues, doc.names, doc.exclusions, doc.contexts) == expected
        kinds.update(kind for kind, found in zip(("terms", "term hits", "cues", "names", "exclusions", "contexts"),
                                                 expected) if found)
    assert kinds == {"terms", "term hits", "cues", "names", "exclusions", "contexts"}


_ENTITY_CHARS = ["《", "》", "〔", "〕", "[", "]", "(", ")", "2024", "2030", "第", "12", "号", "元", "亿元", "美元",
                 "港币", "到", "至", "年", "年底前", "二〇二五", "一", "十", "万", "广东省", "发改", "通知", " ", "\n", "的"]


def test_a_pattern_skipped_for_want_of_its_anchor_would_have_found_nothing():
    """extract_pattern_entities runs a pattern only when one of its anchor characters occurs."""
    rng = random.Random(5)
    guards = [(_POLICY_TITLE, "《"), (_DOC_NUMBER, "号"), (_MONEY_RUNS.pattern, "元币"), (_TARGET_YEAR_RUNS.pattern, "年")]
    alphabet = _ENTITY_CHARS + ["号", "〕", "千", "人民"]
    skipped = 0
    for _ in range(5000):
        text = match_form(random_text(rng, [c.replace(rng.choice("《号元币年"), "") for c in alphabet])).text
        for pattern, anchors in guards:
            if not any(a in text for a in anchors):
                skipped += 1
                assert list(pattern.finditer(text)) == [], (pattern.pattern, text)
    assert skipped > 1000


def test_patterns_run_by_anchored_runs_find_what_they_find_over_the_whole_text():
    rng = random.Random(7)
    alphabet = _ENTITY_CHARS + ["号", "〕", "千", "人民", "币", "港", "【", "〗", "截至", "以前", "1,000", ".5", "a"]
    runs = [_MONEY_RUNS, _TARGET_YEAR_RUNS, _DOC_NUMBER_RUNS]
    found = 0
    for _ in range(5000):
        text = match_form(random_text(rng, alphabet, 60)).text
        for anchored in runs:
            expected = [m.span() for m in anchored.pattern.finditer(text)]
            assert [m.span() for m in anchored.finditer(text)] == expected, (anchored.pattern.pattern, text)
            found += len(expected)
    assert found > 1000


def test_dictionary_hits_are_chosen_as_with_one_sort_by_start_then_length():
    classifier = default_classifier()
    names = sorted({e.term for routes in classifier.matcher.routes for _, e in routes if e.kind in ("org", "place")})
    rng = random.Random(9)
    for _ in range(500):
        text = "".join(rng.choice(names) + rng.choice(["", "(", ")", "的", " "]) for _ in range(20))
        doc = scan_document(classifier.matcher, "", text)
        reference = sorted(doc.names, key=lambda h: (h[0], h[0] - h[1]))
        chosen, last_end = [], -1
        for hit in reference:
            if hit[0] < last_end or (hit[2].kind == "place" and hit[1] - hit[0] <= 3 and hit[0] > 0
                                     and hit[1] < len(doc.form.text) and doc.form.text[hit[0] - 1] == "("
                                     and doc.form.text[hit[1]] == ")"):
                continue
            chosen.append(hit)
            last_end = hit[1]
        assert select_dictionary_hits(doc.names, doc.form) == chosen


@pytest.mark.parametrize("seed", [1, 2])
def test_entities_and_offsets_equal_the_general_path(seed):
    """document_entities (names in scan order, one loop for offsets and fields) against sorting
    every entity and mapping each span through MatchForm.span."""
    classifier = default_classifier()
    names = sorted({e.term for routes in classifier.matcher.routes for _, e in routes if e.kind in ("org", "place")})
    rng = random.Random(seed)
    for _ in range(400):
        parts = [rng.choice(names) if rng.random() < 0.5 else rng.choice(_ENTITY_CHARS) for _ in range(30)]
        text = "".join(parts)
        cut = rng.randrange(0, 20)
        title, text = text[:cut], text[cut:]
        doc = scan_document(classifier.matcher, title, text)
        original = title + SEPARATOR + text
        found = list(extract_pattern_entities(doc.form, original))
        spans = [(s, e) for t, s, e, _ in found if t in ("policy_title", "doc_number")]
        for start, end, entry in select_dictionary_hits(doc.names, doc.form):
            if not any(a <= start and end <= b for a, b in spans):
                found.append((entry.kind, start, end, entry.ref))
        found.sort(key=lambda x: (x[1], x[0]))
        expected = []
        for etype, s, e, canonical in found:
            a, b = doc.form.span(s, e)
            if s < doc.split:
                expected.append((etype, original[a:b], canonical, "title", a, b))
            else:
                a, b = a - len(title) - 1, b - len(title) - 1
                expected.append((etype, text[a:b], canonical, "lead" if a < 300 else "body", a, b))
        assert [tuple(x) for x in document_entities(doc, 300)] == expected


def test_sentence_ends_are_where_the_sentence_marks_are():
    rng = random.Random(13)
    alphabet = ["。", "!", "?", ";", "\n", "中", "a", " ", "的", ",", "、"]
    for _ in range(5000):
        text = random_text(rng, alphabet)
        start = rng.randrange(0, len(text) + 1)
        assert sentence_ends(text, start) == [m.start() for m in re.compile(r"[。!?;\n]").finditer(text, start)]


def _reference_shares(doc, tracks):
    """relation_share and modifier_share with the regex tried at every one of the first hits."""
    text, split = doc.form.text, doc.split
    ends = [m.start() for m in re.finditer(r"[。!?;\n]", text) if m.start() >= split]
    out = []
    for t in tracks:
        first_hits = [h for _, _, h in t.counted[:4]]
        near = heads = 0
        for start, end, _ in first_hits:
            k = bisect_left(ends, start)
            first = (ends[k - 1] + 1 if k else split) if start >= split else 0
            near += focus_signals._RELATION.search(text, max(first, start - focus_signals.RELATION_REACH), start) is not None
            heads += focus_signals._HEAD.match(text, end, end + focus_signals._HEAD_SPAN) is not None
        n = len(first_hits) or 1
        out.append([near / n, heads / n])
    return out


def test_relation_and_head_words_are_in_the_matching_form():
    """The automaton finds a word's matching form; the regexes look for the word as written: the
    scan can stand in front of the regexes only when the two are the same."""
    words = focus_signals.RELATION + focus_signals.HEADS
    assert [w for w in words if normalize_term(w) != w] == []


def test_relation_and_head_words_found_by_the_scan_give_the_regex_answer():
    """signal_rows tries the relation and head regexes only where the scan found such a word in
    reach; the shares equal trying them at every hit."""
    classifier = default_classifier()
    terms = sorted({e.term for routes in classifier.matcher.routes for _, e in routes if e.kind == "term"})[::5]
    words = list(focus_signals.RELATION + focus_signals.HEADS)
    glue = ["", "", " ", "的", "。", ",", "、", ";", "施姓", "a", "\n"]
    rng = random.Random(17)
    compared = related = modified = 0
    for _ in range(1500):
        parts = [rng.choice(terms if rng.random() < 0.4 else words) + rng.choice(glue) for _ in range(24)]
        cut = rng.randrange(0, 6)
        doc = scan_document(classifier.matcher, "".join(parts[:cut]), "".join(parts[cut:]))
        tracks = select_tracks(doc, classifier.options.weights, {}, classifier.compounds)
        if not tracks:
            continue
        rows = signal_rows(doc, tracks)
        reference = _reference_shares(doc, tracks)
        assert [row[3:5] for row in rows] == reference
        compared += len(tracks)
        related += sum(r[0] > 0 for r in reference)
        modified += sum(r[1] > 0 for r in reference)
    assert compared > 1000 and related > 100 and modified > 100


def test_round3_is_round_to_three_places():
    """round3 gives round(x, 3)'s float (repr: the sign of a zero too) on scores and
    probabilities, values just off a half, negative, huge and special values."""
    from classify.tracks import round3

    rng = random.Random(23)
    values = [0.0, -0.0, 0.0005, -0.0005, 0.0015, 2.5e-4, -1e-9, 1e12, -3e15, float("inf"), float("-inf"), float("nan")]
    for _ in range(200000):
        x = rng.random() * rng.choice([1.0, 10.0, 100.0, -10.0, 1e6])
        values.append(x)
        half = round(x, 3) + 0.0005   # about halfway to the next rounded value, and just either side
        values += [half, half * (1 + 1e-15), half * (1 - 1e-15), -half]
    assert [repr(round3(x)) for x in values] == [repr(round(x, 3)) for x in values]


def _reference_listed(doc, track, tracks):
    """focus.listed as first written: every other candidate's counted hits tried in turn."""
    from classify.focus import ENUM_REACH, MAX_HITS, _enumerated
    from classify.tracks import in_list

    text = doc.form.text
    return any((in_list(text, h) or _enumerated(text, h[0], h[1]))
               and any(abs(o[2][0] - h[0]) <= 2 * ENUM_REACH for t in tracks if t is not track for o in t.counted)
               for _, _, h in track.counted[:4])


def _reference_decide(classifier, doc, tracks, probs):
    """Classifier._decide as first written: final_codes over every kept set, one label too."""
    from classify.classifier import round3
    from classify.focus import final_codes, subordinates

    relations = __import__("classify.focus", fromlist=["load_relations"]).load_relations()

    def plain_subordinates(kept, listed=frozenset()):
        return {code for code, score in kept.items() if code in relations and code not in listed
                and any(kept[other] >= score for other in relations[code].intersection(kept))}

    kept = [(t, round3(p)) for t, p in zip(tracks, probs) if p >= classifier.threshold]
    by_code = {t.code: t for t, _ in kept}
    scores = {c: t.score for c, t in by_code.items()}
    codes = {c for c in scores if by_code[c].absorbed_by not in scores}
    codes -= {c for c in plain_subordinates({c: scores[c] for c in codes})
              if not _reference_listed(doc, by_code[c], tracks)}
    assert codes == final_codes(scores, {c: t.absorbed_by for c, t in by_code.items()},
                                lambda c: _reference_listed(doc, by_code[c], tracks))
    assert subordinates(scores) == plain_subordinates(scores)
    kept = sorted((k for k in kept if k[0].code in codes), key=lambda k: (-k[1], k[0].code))
    return classifier._labels(doc, kept)


def test_lists_and_the_kept_labels_are_decided_as_by_the_plain_rules():
    """focus.listed looks the other candidates' hits up in one sorted list, subordinates walks
    the relations without sets, and Classifier._decide skips final_codes for one label: the
    same answers as the plain rules, on texts of terms in enumerations, with random probabilities."""
    classifier = default_classifier()
    terms = sorted({e.term for routes in classifier.matcher.routes for _, e in routes if e.kind == "term"})[::3]
    glue = ["、", "、", "/", "等", "", "的", "。", "和"] + ["以及相关的产业发展情况。"] * 2
    rng = random.Random(29)
    decided = listed = several = 0
    for _ in range(3000):
        text = "".join(rng.choice(terms) + rng.choice(glue) + "的" * rng.choice([0, 0, rng.randrange(8, 32)])
                       for _ in range(rng.randrange(2, 16)))   # filler: hits near 2 × ENUM_REACH apart
        doc = scan_document(classifier.matcher, "", text)
        tracks = select_tracks(doc, classifier.options.weights, {}, classifier.compounds)
        if not tracks:
            continue
        for track in tracks:
            found = focus.listed(doc, track, tracks)
            assert found == _reference_listed(doc, track, tracks)
            listed += found
        probs = [rng.random() for _ in tracks]
        assert classifier._decide(doc, tracks, probs) == _reference_decide(classifier, doc, tracks, probs)
        decided += 1
        several += sum(p >= classifier.threshold for p in probs) > 1
    assert decided > 1000 and listed > 300 and several > 300
