"""Places: gazetteer coverage, zones before divisions, short names, ambiguity; real pages too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows.extract.places import all_places, find_places, get_place, province_of
from flows.parse.normalize import normalize

SHARED = Path(__file__).parents[2] / "../shared"


def _names(text: str, context=None) -> list[tuple[str, str]]:
    return [(m.surface, m.place.name) for m in find_places(text, context)]


@pytest.mark.parametrize(("name", "level", "province"), [
    ("西双版纳傣族自治州", "prefecture", "云南省"), ("勐腊县", "county", "云南省"),
    ("博乐市", "county", "新疆维吾尔自治区"), ("黑河市", "prefecture", "黑龙江省"),
    ("昆明市", "prefecture", "云南省"), ("武汉市", "prefecture", "湖北省"),
])
def test_gazetteer_covers_the_divisions_of_the_genre(name, level, province):
    place = next(p for p in all_places() if p.name == name)
    assert (place.level, province_of(place)) == (level, province)


def test_hierarchy_from_adcodes():
    # Districts of a municipality hang from the municipality: there is no 110100 in the data.
    assert get_place("110105").parent_id == "110000"
    assert get_place("532823").parent_id == "532800"
    assert get_place("CN").level == "country"


def test_zone_wins_over_the_division_inside_its_name():
    # JioNLP/cpca put "磨憨—磨丁合作区" in 甘肃合作市: the zone must win.
    assert _names("磨憨—磨丁合作区将突出招商") == [("磨憨—磨丁合作区", "磨憨—磨丁经济合作区")]
    assert _names("磨憨-磨丁合作区") == [("磨憨-磨丁合作区", "磨憨—磨丁经济合作区")]


@pytest.mark.parametrize(("text", "name"), [
    ("中国老挝磨憨—磨丁经济合作区概况", "磨憨—磨丁经济合作区"),
    ("托管西双版纳州磨憨镇", "磨憨—磨丁经济合作区"),
    ("黑河自贸片区推进项目", "中国(黑龙江)自由贸易试验区黑河片区"),
    ("制定中国(黑龙江)自由贸易试验区黑河片区政策", "中国(黑龙江)自由贸易试验区黑河片区"),
    ("国际陆港博乐边合区卡航集散中心", "博乐边境经济合作区"),
    ("洋浦今年引进总部企业12家", "洋浦经济开发区"),  # a park that is no division, named on its own
    ("经策克口岸进口煤炭", "策克口岸"),  # land border ports, with or without 口岸
    ("友谊关日均通关车辆2000辆", "友谊关口岸"),
])
def test_zone_aliases(text, name):
    assert name in [place for _, place in _names(text)]


@pytest.mark.parametrize(("text", "name"), [
    ("昆明把会场搬到边境", "昆明市"), ("四川外贸形势较好", "四川省"), ("新疆外贸创新高", "新疆维吾尔自治区"),
    ("厦门实现国内生产总值", "厦门市"), ("苏州海关发布数据", "苏州市"), ("黑河与对岸城市隔江相望", "黑河市"),
    ("一季度黔西南州开工项目", "黔西南布依族苗族自治州"),
])
def test_short_names(text, name):
    assert [place for _, place in _names(text)] == [name]


def test_single_characters_and_common_words_are_not_places():
    # 滇 alone is too ambiguous; 合作, 振兴, 兴业 and 资源 are words before they are counties.
    assert _names("推动央企入滇,加强合作,乡村振兴,投资兴业,整合资源") == []


def test_common_words_are_no_short_name_of_an_autonomous_county():
    # 通道侗族自治县 is in 怀化, yet 西部陆海新通道 in a 怀化 article is a corridor, not the county;
    # its full name and 通道县 still are the county
    assert _names("怀化国际陆港开行西部陆海新通道班列") == [("怀化国际陆港", "怀化国际陆港")]  # a port under 怀化
    assert ("通道县", "通道侗族自治县") in _names("怀化市通道县新建项目")


def test_bare_county_name_needs_its_province_or_prefecture():
    # "博乐" alone could be a word; with 新疆 named it is 博乐市.
    assert _names("博乐的朋友圈越来越大") == []
    assert _names("新疆博乐的朋友圈越来越大") == [("新疆", "新疆维吾尔自治区"), ("博乐", "博乐市")]


def test_two_character_full_names_need_support_too():
    # "州委和县委": 和县 is an Anhui county only when Anhui is in the text.
    assert _names("在州委、州政府和县委的领导下") == []


def test_shared_names_follow_the_text_then_prominence():
    assert _names("长春市朝阳区签约项目")[-1][1] == "朝阳区"
    assert find_places("长春市朝阳区签约项目")[-1].place.place_id == "220104"
    assert find_places("朝阳区签约项目")[0].place.place_id == "110105"  # Beijing's: the most prominent
    jilin = get_place("220000")
    assert find_places("朝阳区签约项目", context=[jilin])[0].place.place_id == "220104"


def test_mentions_are_ordered_and_do_not_overlap():
    mentions = find_places("昆明市和磨憨—磨丁经济合作区及昆明")
    assert [(m.start, m.end) for m in mentions] == [(0, 3), (4, 14), (15, 17)]


# The place each real page's figures are mostly about must be found in its text.
@pytest.mark.parametrize("gold", ["seeds.jsonl", "dev_c.jsonl", "dev_d.jsonl"])
def test_real_pages_name_their_gold_place(gold):
    path = SHARED / "gold" / gold
    if not path.exists():
        pytest.skip(f"{path} not available")
    keys: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["place_key"]:
            keys.setdefault(row["article"], set()).add(row["place_key"])
    folder = "seeds" if gold == "seeds.jsonl" else "dev"
    # d_08 names no place: 内蒙古 is known only from its ports (甘其毛都, 策克), not a gazetteer matter.
    keys.pop("d_08.txt", None)
    for article, wanted in keys.items():
        text = normalize((SHARED / "corpus" / folder / article).read_text(encoding="utf-8")).text
        found = {m.place.name for m in find_places(text)}
        for key in wanted:
            assert any(key in name for name in found), (article, key, found)


@pytest.mark.parametrize(
    "text, name",
    [
        ("霍尔果斯口岸上半年进出口贸易额增长。", "霍尔果斯市"),  # four characters, one place: no support needed
        ("满洲里口岸客流回升。", "满洲里市"),
        ("二连浩特口岸货运量创新高。", "二连浩特市"),
    ],
)
def test_distinctive_county_names_match_without_their_suffix(text, name):
    # The city is found without 市, and its port (…口岸) is a zone under it
    assert [get_place(m.place.parent_id).name for m in find_places(text)] == [name]


def test_two_character_county_names_still_need_their_province_or_prefecture():
    assert find_places("博乐的朋友圈越来越大。") == []  # 博乐 alone could be a word; 博乐市 or 新疆...博乐 is not


def test_border_ports_lie_in_their_province_and_common_words_stay_words():
    ports = find_places("一季度，甘其毛都、满都拉两个口岸过货量增长明显，天保口岸同步恢复通关。")
    assert [(m.place.name, m.place.province) for m in ports] == [
        ("甘其毛都口岸", "内蒙古自治区"), ("满都拉口岸", "内蒙古自治区"), ("天保口岸", "云南省")]
    assert find_places("实施天保工程，水口处理站和樟木家具厂投产") == []  # 天保, 水口, 樟木 alone are words
