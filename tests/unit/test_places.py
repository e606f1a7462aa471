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


# Zones named in the text itself (PL-ZONE): the division right before the name fixes the parent
@pytest.mark.parametrize(("text", "surface", "name", "parent", "province"), [
    ("株洲荷塘经济技术开发区前三季度新增企业210家。", "株洲荷塘经济技术开发区", "株洲荷塘经济技术开发区", "430200", "湖南省"),
    ("襄阳高新区今年引进项目42个。", "襄阳高新区", "襄阳高新技术产业开发区", "420600", "湖北省"),  # spelled out
    ("合肥新站综保区进出口总额增长。", "合肥新站综保区", "合肥新站综合保税区", "340100", "安徽省"),
    ("北海出口加工区和防城港东湾物流园区", "防城港东湾物流园区", "防城港东湾物流园区", "450600", "广西壮族自治区"),
    ("宁波保税区实现税收18亿元。", "宁波保税区", "宁波保税区", "330200", "浙江省"),  # no stem: the city's zone
    ("成都天府国际空港新区签约项目9个。", "成都天府国际空港新区", "成都天府国际空港新区", "510100", "四川省"),
    ("锦州港完成货物吞吐量1.2亿吨。", "锦州港", "锦州港", "210700", "辽宁省"),
    ("经丹东口岸出口的商品车增长", "丹东口岸", "丹东口岸", "210600", "辽宁省"),
])
def test_zones_found_in_the_text_lie_in_the_division_before_them(text, surface, name, parent, province):
    found = [(m.surface, m.place.name, m.place.level, m.place.parent_id, m.place.province) for m in find_places(text)]
    assert (surface, name, "zone", parent, province) in found


def test_a_text_zone_replaces_the_division_inside_it_and_keeps_a_stable_id():
    # 钦州 is not the place of 钦州保税港区's figures: the zone is, under 钦州
    found = find_places("钦州保税港区一季度进出口额增长。")
    assert [(m.surface, m.place.place_id) for m in found] == [("钦州保税港区", "zone:450700:钦州保税港区")]


def test_a_stem_anchored_once_is_the_same_zone_without_its_division():
    # 慈湖 is learnt from 马鞍山慈湖高新区; the later 慈湖高新区 alone is the same place
    found = find_places("马鞍山慈湖高新区新增企业15家。一年来，慈湖高新区税收增长。")
    assert [m.surface for m in found] == ["马鞍山慈湖高新区", "慈湖高新区"]
    assert len({m.place.place_id for m in found}) == 1


@pytest.mark.parametrize("text", [
    "全市各开发区累计引进企业85家。", "园区内企业达到120家。", "开发区累计完成投资30亿元。",
    "国家级经济技术开发区考核结果公布。", "跨境电商产业园入驻企业41家。",  # no division: no name to hang it on
])
def test_generic_zone_words_are_no_places(text):
    assert find_places(text) == []


@pytest.mark.parametrize(("text", "place"), [
    ("苏州推动开发区转型升级", "苏州市"),  # 推动 makes a clause, not a zone's name
    ("云南重点园区实现营收", "云南省"),  # 重点: a generic word
    ("山东再添国家级经济技术开发区", "山东省"),  # 再, 国家级
    ("上海对口支援三峡库区", "上海市"),  # 对: the stem would swallow a clause
    ("云南省级开发区营收增长", "云南省"), ("昆明市属园区新增企业", "昆明市"),  # 级, 属: a rank, no name
])
def test_a_phrase_between_division_and_suffix_is_no_zone_name(text, place):
    assert [m.place.name for m in find_places(text)][0] == place


def test_a_common_word_county_name_counts_before_a_zone_suffix_when_its_parent_is_named():
    # 万年 is a common word (万年县 in 上饶): before 高新技术产业园区 in an article naming 上饶 it is the county's zone
    found = find_places("上饶各园区前三季度营收增长，万年高新技术产业园区营收96亿元。")
    assert [(m.surface, m.place.parent_id) for m in found][-1] == ("万年高新技术产业园区", "361129")
    assert find_places("万年高新技术产业园区营收96亿元。") == []  # no 上饶 or 江西: unconfirmed
    assert [m.place.name for m in find_places("江西万年县新增企业30家")] == ["江西省", "万年县"]  # the full name


@pytest.mark.parametrize(("text", "name", "province"), [
    ("粤西地区今年签约项目88个", "粤西地区", "广东省"), ("川南经济区投资额占比两成", "川南经济区", "四川省"),
    ("攀西地区钒钛产业", "攀西经济区", "四川省"), ("苏北五市外贸增长", "苏北地区", "江苏省"),
    ("三峡库区移民安置", "三峡库区", None),  # spans 湖北 and 重庆: hangs from the country
])
def test_regional_groupings_are_places(text, name, province):
    assert [(m.place.name, m.place.province) for m in find_places(text)] == [(name, province)]


def test_a_division_before_a_region_spanning_provinces_names_its_part():
    # 重庆三峡库区: the 重庆 part; its name holds both, for a figure about either
    assert [(m.surface, m.place.name, m.place.province) for m in find_places("重庆三峡库区新签项目12个")] == [
        ("重庆三峡库区", "重庆三峡库区", "重庆市")]


def test_region_names_inside_set_phrases_are_no_places():
    assert find_places("推动粤东西北地区振兴发展") == []


# A township, village or street named like a division is not that division (PL-HOMONYM)
@pytest.mark.parametrize(("text", "kept"), [
    ("记者从建瓯市获悉，新建物流园落户黄山镇。", ["建瓯市"]),
    ("项目位于长沙乡，距县城12公里。", []),
    ("荆门街道新增市场主体300户。", []),
    ("平凉村的合作社年收入20万元。", []),
    ("宣城社区的志愿者", []),
    ("湖北乡镇企业发展迅速", ["湖北省"]),  # 乡镇 is a word: 湖北 stays
    ("安徽黄山市新增项目", ["安徽省", "黄山市"]),  # the full name written
    ("江苏镇江新增项目", ["江苏省", "镇江市"]),  # 镇 starts the next place
])
def test_townships_named_like_a_division_are_not_the_division(text, kept):
    assert [m.place.name for m in find_places(text)] == kept


# Variant characters are folded before the gazetteer (PL-VARIANT), one for one
@pytest.mark.parametrize(("raw", "place"), [
    ("陜西省今年新设外资企业120家。", "陕西省"), ("甯夏回族自治区共建园区8个。", "宁夏回族自治区"),
    ("浙江甯波市外贸增长", "宁波市"), ("靑海省光伏装机增长", "青海省"), ("黒龙江省对俄贸易", "黑龙江省"),
])
def test_variant_characters_are_folded_before_the_gazetteer(raw, place):
    text = normalize(raw).text
    assert len(text) == len(raw.replace("，", ",")) and place in [m.place.name for m in find_places(text)]


@pytest.mark.parametrize(("text", "kept"), [
    ("衡阳市今年引进北辰智能装备(武汉)有限公司等企业9家。", ["衡阳市"]),  # PL-ORG: the bracket is the name's
    ("益阳引进华创电子(深圳)股份有限公司", ["益阳市"]),
    ("湖南(长沙)签约项目12个", ["湖南省", "长沙市"]),  # a bracket that is no company name keeps its place
])
def test_a_place_in_brackets_inside_a_company_name_is_part_of_the_name(text, kept):
    assert [m.place.name for m in find_places(text)] == kept


@pytest.mark.parametrize(("text", "name", "parent"), [
    ("据悉,临空经开区上半年新签约项目17个,襄阳市", "临空经济技术开发区", "420600"),  # under the division named most
    ("今年以来，青山新区新增市场主体900户。", "青山新区", "CN"),  # no division named: under the country
    ("在白马综保区,进出口额增长", "白马综合保税区", "CN"),
    ("今年以来,孟定口岸进出口货物12万吨,临沧市", "孟定口岸", "530900"),  # a town's port
])
def test_a_two_character_name_before_a_suffix_only_zones_bear_is_a_zone_on_its_own(text, name, parent):
    assert [(m.place.name, m.place.parent_id) for m in find_places(text) if m.place.level == "zone"] == [(name, parent)]


@pytest.mark.parametrize("text", [
    "再加上综保区的政策红利", "国家级经开区考核排名", "全国自贸片区", "打造美丽和谐高新区", "园区总数达到12个",
    "经陆路口岸进出口", "今年增设口岸2个", "南部口岸货运量",
])
def test_a_free_name_needs_a_boundary_before_it_and_no_generic_word(text):
    assert find_places(text) == []


def test_a_taiwanese_investment_zone_is_a_zone_under_its_city():
    # 台商投资区 is a kind of zone as 高新区 is: its figures are the zone's, under the city named before it
    (mention,) = [m for m in find_places("泉州台商投资区今年新引进项目21个。") if m.place.level == "zone"]
    assert "台商投资区" in mention.place.name and mention.place.province == "福建省"


def test_a_stem_learnt_later_names_the_zone_in_a_title_before_it():
    # The headline names the park alone; the body names it after its county
    found = find_places("白石湖工业园区新增企业12家\n今年,伊吾县白石湖工业园区新增企业12家。")
    assert [m.surface for m in found] == ["白石湖工业园区", "伊吾县白石湖工业园区"]
    assert found[0].place == found[1].place


def test_a_zone_named_after_two_places_side_by_side_lies_under_the_first():
    found = find_places("厦门漳州港完成集装箱吞吐量。")
    assert [(m.surface, m.place.name, m.place.parent_id) for m in found] == [("厦门漳州港", "厦门漳州港", "350200")]
    # A province before its city is no second place of the name: 湖北 stays apart
    assert [m.surface for m in find_places("湖北宜昌港吞吐量增长")] == ["湖北", "宜昌港"]
