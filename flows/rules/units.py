"""Unit words that may follow a number, and what they become: (unit code, factor to base units).

A magnitude (万, 亿) between number and unit is read by numbers.py, so 万元 is 万 + 元. Longer
surfaces are tried first (平方公里 before 公里, 人次 before 人). A unit not listed is no figure:
that is what keeps dates (年 月 日), durations (天 小时), ordinals' 次 and levels (17级) out.
"""

from __future__ import annotations

MONEY = {
    "元人民币": ("CNY", 1),  # 5000万元人民币
    "人民币": ("CNY", 1),  # 50亿人民币
    "元": ("CNY", 1),  # 678.46亿元
    "美元": ("USD", 1),  # 5.1亿美元
    "港元": ("HKD", 1),  # 3亿港元
    "港币": ("HKD", 1),
    "欧元": ("EUR", 1),  # 2000万欧元
}

PERCENT = {
    "个百分点": ("percent", 1),  # 高出4.1个百分点: always a change (is_change)
    "百分点": ("percent", 1),
    "%": ("percent", 1),  # 370.2%
    "％": ("percent", 1),
}

PHYSICAL = {
    "吨": ("tonne", 1),  # 802.5万吨
    "公斤": ("tonne", 0.001),
    "千克": ("tonne", 0.001),
    "平方公里": ("other:平方公里", 1),
    "平方千米": ("other:平方公里", 1),
    "公里": ("km", 1),  # 5万多公里
    "千米": ("km", 1),
    "平方米": ("m2", 1),  # 2000万平方米
    "立方米": ("m3", 1),  # 20万立方米
    "亩": ("mu", 1),  # 5600亩
    "公顷": ("other:公顷", 1),
    "千瓦时": ("kwh", 1),  # 3亿千瓦时
    "度电": ("kwh", 1),  # 100万度电 (a bare 度 is temperature or degree, not energy)
    "千瓦": ("other:千瓦", 1),
    "兆瓦": ("other:兆瓦", 1),
    "千伏安": ("other:千伏安", 1),  # 供电容量10万千伏安 (a transformer's; 110千伏 alone is a voltage class, no figure)
    "标箱": ("other:标箱", 1),  # 58万标箱 (TEU)
    "列": ("other:列", 1),  # 2619列 trains
    "头": ("other:头", 1),  # 60万头 pigs
    "锭": ("other:锭", 1),  # 10万锭 spindles
    "倍": ("other:倍", 1),  # 6倍: a ratio, kept so a reader sees it
    "辆次": ("other:辆次", 1),  # 出入境交通工具26万辆次: vehicle trips, as 人次 are person trips
    "架次": ("other:架次", 1),  # 起降航班1.2万架次
    "艘次": ("other:艘次", 1),  # 进出港船舶3200艘次
}

PEOPLE = {
    "人次": ("person_time", 1),  # 145万人次
    "贫困人口": ("person", 1),  # 约18万贫困人口: the noun is the unit
    "人": ("person", 1),  # 3.5万人
    "名": ("person", 1),  # 35名专员
    "位": ("person", 1),  # 3位专家
}

# Measure words of counted things: 134个 项目, 1232户 企业, 76379单 清单, 11大行业.
COUNT_WORDS = "个 项 家 户 条 件 台 单 袋 座 所 处 辆 艘 架 套 宗 笔 间 栋 幢 张 块 片 只 盏 棵 株 亿 大".split()
COUNTS = {word: ("count", 1) for word in COUNT_WORDS if word != "亿"}

UNITS: dict[str, tuple[str, float]] = {**MONEY, **PERCENT, **PHYSICAL, **PEOPLE, **COUNTS}

# Longest first, so the regex alternation prefers 人次 over 人 and 平方公里 over 公里.
UNIT_SURFACES = sorted(UNITS, key=len, reverse=True)

# A measure word that is really the start of another word: 6个月 (duration), 30个工作日,
# 3台湾 (never), 9家庭, 3单位, 2所有; 大 only before the nouns it counts (11大行业, not 二十大精神).
UNIT_FALSE_STARTS = {
    "个": "月|工作日|小时|季度|年头|星期|世纪|半月",
    "台": "湾|阶|风",
    "家": "庭|乡|属",
    "单": "位|独|一|元",
    "所": "有|以|属|在|得|谓",
    "名": "义|称|单|列|字",
    "位": "于|置|数",
    "条": "件|例",
    "件": "事",
    "处": "理|于|置",
    "人": "民|员|才|们|口|士|大|均|工",
    "架": "构",
    "片": "区",
    "块": "长板|短板",
    "列": "入|为|车",
}
BIG_COUNT_NOUNS = "行业|产业|领域|板块|工程|基地|集群|平台|类|招商|片区|园区|中心"  # 11大行业, 五大产业
