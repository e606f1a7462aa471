"""Metric, category and place of each figure, from the words around it.

Metric: the phrase before the number in its clause (重点项目134个 -> 重点项目), else the noun after
a count (六个现代化边境幸福村工程); a rate with nothing of its own before it takes the metric of the
figure it follows (完成固定资产投资31.56亿元，同比增长370.2%). Category: the head noun of the
metric (metric.py, rules/categories.tsv). Place: the nearest place named before the figure in its
sentence that is not a partner (spots.py), else the place carried from earlier sentences, else the
article's main place.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from flows.extract.figures import Mention, threshold_class
from flows.extract.metric import heading_metric, left_context, metric_and_category, respective_metrics, right_context
from flows.extract.placing import figure_place, last_place, respective_places
from flows.extract.spots import Spots
from flows.extract.subject import place_spots
from flows.extract.years import YearFlow, time_words
from flows.records import Article, Figure, Place
from flows.rules import metrics as mr

# A figure keeps this much of its sentence (offsets keep the rest); a news sentence is rarely longer.
SENTENCE_CAP = 400
# How far after a figure its sentence is searched for what it measures (251.7亿美元，这是...贸易额):
# slicing the whole rest of the sentence per figure made extraction quadratic in a paragraph.
REST_WINDOW = 1000
_CLAUSE_BREAK = re.compile(r"[，,；;：:。]")
_CONTINUES = re.compile(r"\s*(?:其中|其中，)")
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?”」]*")
# A numbered section heading of a report: 二、2024年主要预期目标, （一）今年工作安排. Its year holds for
# the section, as 2024年， does for a passage
_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+部分)")


def read_places(article: Article) -> tuple[Spots, Place | None]:
    """The article's places as attribute reads them: every mention and deictic, and its main place."""
    return place_spots(article.text, article.title, article.original_text[:300])


def attribute(article: Article, mentions: list[Mention], places: tuple[Spots, Place | None] | None = None,
              events: list[re.Match] | None = None) -> list[Figure]:
    """Figures with metric, category, year and place, in text order.

    places (read_places) and events (years.time_words of the text) are read here unless given: a batch
    reads them for all its articles first (extract_batch).
    """
    if not mentions:  # nothing to attribute: places and years would be read for nothing
        return []
    text = article.text
    spots, main = places or read_places(article)
    events = time_words(text) if events is None else events
    published = article.published_date.year if article.published_date else article.published_year
    month = article.published_date.month if article.published_date else None
    year_flow = YearFlow(text, events, published, article.title, month)
    carried_place = main
    figures, i, j, last_metric = [], 0, 0, None
    placed = 0  # carried_place holds for the spots before this offset
    # Starts of the figures and time words, each list closed by one past the text's end: most
    # sentences hold neither, and one comparison with the next start tells them apart
    beyond = len(text) + 1
    figure_at = [m.num_start for m in mentions] + [beyond]
    event_at = [m.start() for m in events] + [beyond]
    upcoming = min(figure_at[0], event_at[0])
    for sent in _SENTENCE.finditer(text):
        e = sent.end()
        if e <= upcoming:
            continue
        s = sent.start()
        first_mention, first_event = i, j
        while figure_at[i] < e:
            i += 1
        while event_at[j] < e:
            j += 1
        upcoming = min(figure_at[i], event_at[j])
        if i == first_mention:  # no figure: only a time word can matter, by the year it carries on
            if j > first_event:
                year_flow.sentence(sent[0], s, [], events[first_event:j], heading=_is_heading(sent[0]))
            continue
        sentence, inside = sent[0], mentions[first_mention:i]
        stripped = sentence.strip()
        stripped_at = s + len(sentence) - len(sentence.lstrip())
        # Sentences without figures hand on their last place too; spots start inside sentences only.
        carried_place = last_place(spots, placed, s, carried_place)
        offsets = [m.start - s for m in inside]
        years = year_flow.sentence(sentence, s, offsets, events[first_event:j])
        # 其中... continues the passage before, a line under a heading (…的园区：) its list: its
        # figures may take the last figure's metric, or the heading's
        previous = last_metric if _CONTINUES.match(sentence) else _list_heading(text, s, stripped, last_metric)
        floor = 0
        respective = respective_places(spots, sentence, s, inside) if "分别" in sentence else {}
        pairs = respective_metrics(sentence, s, inside) if "分别" in sentence else {}
        done = []  # (metric, category) of the sentence's figures so far, for pairs
        for mention, year in zip(inside, years, strict=True):
            if mention.start in pairs:  # 分别增长36.4%和33.9%: each rate is of the figure it pairs with
                previous = done[pairs[mention.start]]
            if floor > mention.start - s:  # a range's upper bound (300至500亩) shares the lower's span and metric
                metric, category = previous
            else:
                clause = left_context(sentence, mention.start - s, floor)
                left = _without_subject_place(clause, mention.start, spots)
                right = right_context(sentence, mention.end - s)
                rest = sentence[mention.end - s:mention.end - s + REST_WINDOW]
                listed = floor > 0 and not _CLAUSE_BREAK.search(sentence, floor, mention.start - s)
                before = sentence[floor:mention.start - s - len(clause)]  # the clauses since the last figure
                metric, category = metric_and_category(left, right, rest, mention.unit, previous, listed,
                                                       before, carried=floor == 0, classifier=text[mention.end - 1])
            place = respective[mention.start] if mention.start in respective else \
                figure_place(spots, s, mention.start, carried_place)[0]
            if mention.is_threshold:  # 10亿元以上项目371个: the class is the threshold's metric and stays the count's
                metric = threshold_class(text, mention)
            else:
                previous, floor = (metric, category), mention.end - s
                last_metric = previous
            figures.append(_figure(text, stripped, stripped_at, mention, metric, category, year, place))
            done.append((metric, category))
        carried_place, placed = _handed_on(spots, sentence, s, e, carried_place), e
    return figures


def _handed_on(spots: Spots, sentence: str, s: int, e: int, carried: Place | None) -> Place | None:
    """The place a sentence with figures hands to the next: its last non-partner place before a
    breakdown (当月全省新开工项目36个，其中聊城9个…淄博2个 hands on 全省, not 淄博); a sentence that is
    a breakdown itself (其中，潍坊5个、聊城3个) hands on what it was given."""
    breakdown = sentence.find("其中")
    if breakdown == -1:
        return last_place(spots, s, e, carried)
    if not sentence[:breakdown].strip(" \t\n，,"):
        return carried
    return last_place(spots, s, s + breakdown, carried)


def _list_heading(text: str, start: int, sentence: str, last_metric):
    """The metric of the heading line a list item hangs from, if sentence (stripped, at start) is one:
    under 营业收入超500亿元的园区： the lines A区1809.9亿元, B园621.6亿元 are revenue. Items are short
    lines with no full stop; the heading ends with a colon."""
    if len(sentence) > _ITEM_LENGTH or sentence.endswith(_FULL_STOPS):
        return None
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return None  # not the start of a line
    for line in reversed(text[max(0, line_start - 400):line_start].splitlines()[-8:]):
        line = line.strip()
        if line.endswith(("：", ":")):
            return heading_metric(line[:-1]) or last_metric
        if len(line) > _ITEM_LENGTH or line.endswith(_FULL_STOPS):
            return None
    return None


_ITEM_LENGTH = 40
_FULL_STOPS = ("。", "！", "？", "!", "?")


def _is_heading(sentence: str) -> bool:
    """A numbered line that is no sentence (no 。 closes it): 二、2024年主要预期目标."""
    return _HEADING.match(sentence) is not None and not sentence.rstrip().endswith(("。", "！", "？", "!", "?"))


def _without_subject_place(left: str, end: int, spots: Spots) -> str:
    """The place a clause opens with is where, not what: 瑞丽市共推进省市重点项目 -> 共推进省市重点项目.

    Only a period or filler may come before it (今年一季度瑞丽市...): in 帮助销售伊犁农特产品 the
    place is part of what is counted, and the verb before it says what the figure is.
    """
    begin = end - len(left)
    n = bisect_left(spots.starts, begin)
    if n < len(spots) and spots.starts[n] - begin <= 6 and spots.ends[n] < end and not spots.partner(n):
        head = left[:spots.starts[n] - begin]
        if not head or mr.METRIC_TRIM.fullmatch(head):
            return left[spots.ends[n] - begin:]
    return left


def _figure(text, sentence, sentence_at, m: Mention, metric, category, year, place) -> Figure:
    """sentence: stripped already, once for all its figures, starting at offset sentence_at of text.

    The figure keeps at most SENTENCE_CAP characters of it around the mention, and the whole
    sentence's offsets: one stored copy of a 200,000-character sentence per figure grew a run's
    memory with the square of the paragraph.
    """
    # Positional, in Figure's field order (mention, sentence, value, unit, qualifier, is_change,
    # metric, category, year, place, rule, start, end, sentence_start, sentence_end, is_threshold):
    # a third cheaper than keywords, ~20 a page
    start, end = m.start, m.end
    sentence_end = sentence_at + len(sentence)
    if len(sentence) > SENTENCE_CAP:
        sentence = _window(text, sentence_at, sentence_end, start, end)
    return Figure(text[start:end], sentence, m.value, m.unit, m.qualifier, m.is_change, metric, category,
                  year, place, m.rule, start, end, sentence_at, sentence_end, m.is_threshold)


def _window(text: str, begin: int, finish: int, start: int, end: int) -> str:
    """SENTENCE_CAP characters of text[begin:finish] centred on the mention [start, end), an ellipsis
    where it is cut: …协议资金96.35亿元，同比增长12.5%…"""
    left = max(begin, min(start - (SENTENCE_CAP - (end - start)) // 2, finish - SENTENCE_CAP))
    right = min(finish, left + SENTENCE_CAP)
    return ("…" if left > begin else "") + text[left:right] + ("…" if right < finish else "")
