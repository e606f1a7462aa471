"""Roles a place plays in a sentence other than being what the figure is about, read from the words
around it. A place with any of these roles is a partner (spots.py): the nearest place before a figure
that plays none of them is the figure's place.

Each role is one pattern on the text right before the place (…$, searched up to the place) or right
after it (matched at the place's end), with what it matches. Markers of a partner in the narrow sense
(对美国, 与山东, 赴四川) are spots.py's _PARTNER_MARKERS.
"""

from __future__ import annotations

import re

# A location description: 位于贵州北部, 地处川滇交界, 处于重庆和贵阳之间, 毗邻越南, 距昆明300公里. The
# place locates the subject, it is not the subject (the list after it stays a partner: 和贵阳)
LOCATION_BEFORE = re.compile(r"(?:位于|地处|处于|毗邻|紧邻|邻近|靠近|距离|距|连接|连通|辐射|[东西南北][临邻接靠])$")
# The scope of a superlative or a rank: 成为贵州最大的锰产业基地, 云南首个综保区, 全国唯一. The
# subject is the thing ranked, named before
SCOPE_AFTER = re.compile(r"[^，,。；;\d]{0,2}?(?:最大|最多|最高|最早|最长|最快|首个|首家|首座|首条|首批|首趟|第一|唯一|之最)")
# A base of comparison or a share's denominator: 是厦门片区的1.4倍, 占全国…的7.2%，珠海的58.6%
BASE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?的[约近超逾]?[0-9一二三四五六七八九十两.]+(?:倍|%|成)")
# The investors' origin, however long the list of countries and regions before the place:
# 来自德国、新加坡、香港等地的23家企业 (foreign countries are no places, so no list of places carries it)
ORIGIN_BEFORE = re.compile(r"来自[^，,。；;]{0,22}$")
ORIGIN_REACH = 24  # characters ORIGIN_BEFORE spans at most
# A comparison base right before the number: 增速高于全省0.9个百分点, 比全国低1.2个百分点 (the place
# next to the number is otherwise its subject: 福建省百分之十点七)
COMPARED_BEFORE = re.compile(r"(?:比|较|高于|低于|快于|慢于|超过|超出|多于|少于)$")
# A government body named after its place acts, it is not where the figure is: 由澳门特区政府推荐入驻
# 合作区的项目97个, 经香港特区政府批准 (the article's own 市政府 falls back to the place carried, the same)
# and one that co-organises an event hosted by another (四川省人民政府驻香港联络处协办; the host, 遂宁市人民政府
# 主办, is the event's subject)
GOVERNMENT_AFTER = re.compile(r"(?:特区政府|特别行政区政府|人民政府|政府)[^，,。；;]{0,8}?(?:推荐|批准|引荐|组织|牵头|协办|承办)")
# Where migrant workers work is not whose they are: 在广东省务工52.3万人 counts the sending county's workers
WORKING_AWAY_AFTER = re.compile(r"[^，,。；;]{0,2}?(?:务工|打工)")
# People or capital counted by where they come from: 在合作区就业的澳门居民5870人, 台湾同胞, 浙江籍客商
# (the place the figure is about is where they are, named before or carried)
ORIGIN_AFTER = re.compile(r"(?:籍|居民|同胞|青年|乡亲|客商|侨胞)")
# Inside a project's or company's name: 签约总投资3亿元的杭州某某新材料生产项目 (the investors' home
# names the project), 某某软件（长沙）有限公司 (the branch's city in brackets)
IN_NAME_BEFORE = re.compile(r"(?:元的|[（(])$")
IN_NAME_AFTER_BRACKET = re.compile(r"[）)]")
# A venue: 主会场设在阿克苏市某产业园, 阿克苏地区各县市设分会场 (the event's figures are its host's)
VENUE_BEFORE = re.compile(r"设在$")
VENUE_AFTER = re.compile(r"[^，,。；;]{0,8}?(?:设分会场|设主会场|分会场|主会场)")
# The recipient's own aid office, not a donor: 喀什地区援疆系统累计引进企业86家 (援 after the place
# otherwise marks a donor: 武汉援疆工作队)
RECIPIENT_SYSTEM_AFTER = re.compile(r"[^，,。；;]{0,4}?援[\u4e00-\u9fff](?:系统|办)")
# A donor for the whole article: the aid verb right after the place (浙江省对口支援, 上海市积极援建,
# 江苏援伊工作组, 厦门市帮扶, 福建选派), not a metric that names aid (重庆实现消费帮扶62亿元)
DONOR_GIVES = re.compile(r"(?:全年|累计|共|今年|先后)?(?:投入|安排|拨付|落实|下达)[^，,。；;]{0,10}?"
                         r"(?:援助|帮扶|协作|援[\u4e00-\u9fff])资金")  # 西海岸新区全年投入东西部协作财政援助资金
DONOR_RIGHT_AFTER = re.compile(r"(?:积极|持续|全力|大力|累计|共|今年|先后)?(?:对口支援|对口帮扶|对口协作|援建|援[\u4e00-\u9fff]|帮扶|选派|派驻|支援)")
# Words before a place that make it the receiving side of aid: 对口支援新疆阿克苏地区, 援建, 帮扶恩施州
RECIPIENT_BEFORE = re.compile(r"(?:支援|对口支援|对口协作|对口帮扶|帮扶|援建|援助|协作|结对|向|给|为)$")
# The article's source of news names its subject: 记者7日从闽侯县获悉, 从六盘水市了解到
SOURCE_AFTER = re.compile(r"[^，,。；;]{0,12}?(?:获悉|了解到|得悉|获得消息|传来消息)")

# Gates: the last character of every LOCATION_BEFORE and VENUE_BEFORE word, the first of ORIGIN_AFTER's,
# and how far after a place the AFTER patterns reach (VENUE_AFTER: 8 + 4)
BEFORE_LAST = frozenset("于处邻近距离接通射临靠在")  # 距 too: 距昆明300公里
ORIGIN_FIRST = frozenset("籍居同青乡客侨")
AFTER_REACH = 12
RECIPIENT_LAST = frozenset("援作扶建助对向给为")  # the last characters of RECIPIENT_BEFORE's words
