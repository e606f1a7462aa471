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
    "美金": ("USD", 1),  # 300万美金
    # Other currencies keep their name (ANNOTATION.md, Units): 12亿新台币, 8000万澳门元
    "新台币": ("other:新台币", 1),
    "台币": ("other:新台币", 1),
    "澳门元": ("other:澳门元", 1),
    "澳门币": ("other:澳门元", 1),
    "澳币": ("other:澳门元", 1),  # in Macau news 澳币 is the pataca
    "韩元": ("other:韩元", 1),
    "英镑": ("other:英镑", 1),
    "卢布": ("other:卢布", 1),
    "泰铢": ("other:泰铢", 1),
    "新加坡元": ("other:新加坡元", 1),
    "澳元": ("other:澳元", 1),  # Australian dollars
    "越南盾": ("other:越南盾", 1),
}
# A currency written before the number decides what its 元 is: 新台币120亿元, 澳门币3000万元, 港币5亿元
CURRENCY_BEFORE = {"新台币": "other:新台币", "台币": "other:新台币", "澳门币": "other:澳门元", "澳门元": "other:澳门元",
                   "港币": "HKD", "港元": "HKD", "美元": "USD"}
# A currency sign before the number, as Hong Kong, Macau and Taiwan business news write it:
# HK$3.2亿, NT$150亿, US$8000万, MOP$5亿, RMB 20亿元, ￥500万. Longest first.
CURRENCY_SIGNS = {"US$": "USD", "HK$": "HKD", "NT$": "other:新台币", "MOP$": "other:澳门元", "RMB": "CNY",
                  "¥": "CNY", "￥": "CNY", "$": "USD"}
# Prices keep the magnitude inside their unit, as written: 232.55万元/亩 -> 232.55 other:万元/亩
PRICES = {
    "元/亩": ("other:元/亩", 1),  # 地价30万元/亩
    "元/平方米": ("other:元/平方米", 1),  # 均价8500元/平方米
    "元/吨": ("other:元/吨", 1),  # 收购价2600元/吨
}

PERCENT = {
    "个百分点": ("percent", 1),  # 高出4.1个百分点: always a change (is_change)
    "百分点": ("percent", 1),
    "%": ("percent", 1),  # 370.2%
    "‰": ("percent", 0.1),  # 5‰ -> 0.5 percent, as 千分之五
    "％": ("percent", 1),
}

PHYSICAL = {
    "吨": ("tonne", 1),  # 802.5万吨
    "公斤": ("tonne", 0.001),  # 3000公斤 -> 3 t
    "千克": ("tonne", 0.001),
    "斤": ("tonne", 0.0005),  # 亩产1200斤 (a jin is half a kilogram)
    # Transport work keeps its compound unit: 货物周转量86亿吨公里 is no 86亿吨 and a stray 公里
    "吨公里": ("other:吨公里", 1),
    "人公里": ("other:人公里", 1),
    # Areas in m2, lengths in km (ANNOTATION.md, Units); 亩 stays mu
    "平方公里": ("m2", 1e6),  # 25.6平方公里 -> 25600000 m2
    "平方千米": ("m2", 1e6),
    "公顷": ("m2", 1e4),  # 12公顷 -> 120000 m2
    "平方米": ("m2", 1),  # 2000万平方米
    "平米": ("m2", 1),  # 厂房3.2万平米
    "㎡": ("m2", 1),
    "公里": ("km", 1),  # 5万多公里
    "千米": ("km", 1),
    "米": ("km", 0.001),  # 铁路专用线4500米 -> 4.5 km (平方米, 立方米 are tried first: longer)
    "立方米": ("m3", 1),  # 20万立方米
    "立方": ("m3", 1),  # 进口原木35万立方
    "亩": ("mu", 1),  # 5600亩
    "千瓦时": ("kwh", 1),  # 3亿千瓦时
    "兆瓦时": ("kwh", 1000),
    "度电": ("kwh", 1),  # 100万度电 (a bare 度 is temperature or degree, not energy)
    # Capacity counted in kW (15万千瓦 -> 150000 other:千瓦)
    "千瓦": ("other:千瓦", 1),
    "兆瓦": ("other:千瓦", 1000),  # 200兆瓦 -> 200000 kW
    "千伏安": ("other:千伏安", 1),  # 供电容量10万千伏安 (a transformer's; 110千伏 alone is a voltage class, no figure)
    "标箱": ("other:标箱", 1),  # 58万标箱 (TEU)
    "标准箱": ("other:标箱", 1),
    "TEU": ("other:标箱", 1),  # 集装箱吞吐量120万TEU
    "锭": ("other:锭", 1),  # 10万锭 spindles: a capacity, as the seed gold has it
    "倍": ("other:倍", 1),  # 6倍: a ratio, kept so a reader sees it
    # Trips keep their unit, as 人次 are person trips: 出入境交通工具26万辆次, 3.2万辆(次)
    "辆次": ("other:辆次", 1),
    "辆(次)": ("other:辆次", 1),
    "架次": ("other:架次", 1),  # 起降航班1.2万架次
    "架(次)": ("other:架次", 1),
    "艘次": ("other:艘次", 1),  # 进出港船舶3200艘次
    "艘(次)": ("other:艘次", 1),
}

PEOPLE = {
    "人次": ("person_time", 1),  # 145万人次
    "人(次)": ("person_time", 1),  # 2.6万人(次)
    "贫困人口": ("person", 1),  # 约18万贫困人口: the noun is the unit
    "人口": ("person", 1),  # 辐射1200万人口
    "人": ("person", 1),  # 3.5万人
    "名": ("person", 1),  # 35名专员
    "位": ("person", 1),  # 3位专家
}

# Measure words of counted things, all `count` (ANNOTATION.md, Units): 134个 项目, 1232户 企业, 76379单
# 清单, 11大行业, 2619列 班列, 60万头 生猪, 3.2万票 报关单, 20万顶 帽子, 1800种 商品, 每周12班, 18站点, 9口岸,
# 2876批次 果蔬, 1236份 证书, 56节 车皮.
COUNT_WORDS = ("个 项 家 户 条 件 台 单 袋 座 所 处 辆 艘 架 套 宗 笔 间 栋 幢 张 块 片 只 盏 棵 株 大 "
               "列 趟 班 票 种 批 批次 顶 头 站 站点 口岸 枚 颗 份 节").split()
COUNTS = {word: ("count", 1) for word in COUNT_WORDS}

UNITS: dict[str, tuple[str, float]] = {**MONEY, **PRICES, **PERCENT, **PHYSICAL, **PEOPLE, **COUNTS}

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
    "列": "入|为|车|举|表|宁",
    "米": "粮|面|线|饭|兰|易",  # 米粮, 米线, 米兰
    "班": "列|子|组|长|级|车|机|底|线|次|主任",
    "种": "植|子|养|业|苗|猪|草|类",
    "批": "准|复|发|示|量|评",
    "顶": "层|端|尖|级|住|部|替|梁|岗",
    "头": "部|条|版|号|脑|等|雁",
    "站": "在|长|台|位|式|立",
    "票": "据|房|证|价",
    "颗": "粒",
    "份": "额|子",  # 市场份额
    "节": "约|能|点|目|日|假|水|省|余|会|庆|俭|奏|气|制|拍|次|电|地|令",  # 节约, 节能, 节点
}
BIG_COUNT_NOUNS = "行业|产业|领域|板块|工程|基地|集群|平台|类|招商|片区|园区|中心"  # 11大行业, 五大产业
