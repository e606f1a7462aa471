"""Metric vocabulary: words that say what a figure measures, and the category each implies.

The keyword nearest the number wins (longest on a tie), so 进出口货物 is trade although 货物 alone
is logistics, and 总投资 after 重点项目 is investment. The lists are the genre's vocabulary (regional
economic news: investment drives, projects, enterprises, ports and trade, aid programmes, budgets).
"""

from __future__ import annotations

import re

CATEGORY_WORDS = {
    # 总投资678.46亿元, 完成固定资产投资31.56亿元, 协议利用外资, 签约金额1.49万亿元, 实际到位内资35亿元;
    # a signing's money however it is worded (签约总金额216亿元, 合同项目24个、金额158亿元, 签约额512亿元)
    # and a capital increase (向境外平台公司增资15亿港元: the money, not the company)
    "investment": "投资 总投资 投资额 投资总额 固定资产投资 利用外资 外资 资金 招商引资 签约金额 协议资金 到位资金 市外资金 "
    "内资 到位内资 金额 签约额 增资",
    # 重点项目134个, 幸福村工程, 开复工率, 占地5600亩, 签订正式协议15个, a park's 12栋标准化厂房
    "projects": "项目 工程 示范村 幸福村 开工率 开复工率 占地 协议 项目数 项目数量 产业园 开工 签约 厂房",
    # 注册企业1232户, 三资企业产值, 外贸企业融资, 14家重点监测酒店
    "enterprises": "企业 公司 市场主体 商户 企业产值 企业融资 经营主体 酒店",
    # 进出口货值, 跨境电商, 消费帮扶, 扶贫产品销售, 口岸进出口货运量 (a port's trade, though 货运量 alone is
    # logistics), 社会消费品零售总额 (domestic trade), 产品销往40多个国家;
    # consumption as 零售额 is: 餐饮企业营业额3.6亿元
    "trade": "进出口 外贸 贸易 出口 进口 货值 跨境电商 电商 消费帮扶 消费协作 购销 采购 销售 扶贫产品 农副产品 "
    "进出境 互市 监管清单 贸易额 进出口货物 进口货物 出口货物 进出境货运量 进出口货运量 进口货运量 出口货运量 "
    "零售 零售额 零售总额 消费品零售总额 销往 营业额 餐饮",
    # 吞吐量, 班列, 邮车, 收寄, 国际干线, 通达27个国家, a land port's 新建铁路装卸线4条 (铁路 alone names projects too: 开工京唐城际铁路等21个项目)
    "logistics": "吞吐量 班列 集装箱 标箱 邮车 邮件 快件 收寄 物流 运输 货运 货运量 运送 发运 转运 航线 干线 线路 "
    "交通工具 车辆 口岸 通达 开行 到发 营业部 仓储 冷链 货物 运往 装卸线 专用线",
    # 出入境145万人次, 实有人口, 新增就业, 挂职干部; households counted as people (合作社现有社员326户,
    # 脱贫户38户, 带动农户1200户)
    "people": "人员 人口 就业 再就业 干部 人才 大使 游客 旅客 客运 客运量 出入境 劳动力 务工 群众 社员 农户 脱贫户",
    # 一般债券, 财政援助资金, 政策性资金, 预算收入; money a government hands out or forgoes: 产业扶持资金,
    # 企业奖补资金, 减免租金, 资金拨付率; a budget's taxes and spending by line (增值税31亿元, 个人所得税,
    # 社会保障和就业支出52亿元: not 就业's people) and 上级转移支付资金 (not 资金's investment)
    "public_finance": "财政 预算 税收 债券 一般债券 援助资金 援疆资金 援藏资金 帮扶资金 政策性资金 奖励 补贴 补助 "
    "专项资金 财政收入 财政总收入 预算收入 预算支出 无偿援助 援建资金 项目资金 扶持资金 奖补 奖补资金 减免 拨付 拨付率 "
    "增值税 所得税 企业所得税 个人所得税 税收收入 非税收入 支出 转移支付 转移支付资金",
    # 业务受理窗口, 政务服务事项, 企业诉求, 首席服务专员, 受理游客咨询投诉1243件 (not 游客's people), 办结率
    "public_service": "窗口 政务 政务服务 服务事项 事项 诉求 咨询服务 服务专员 专员 联络处 一业一证 通办 审批 "
    "学校 医院 床位 教师 医生 投诉 办结 办结率",
    # 地区生产总值, 增加值, 工业总产值, 人均可支配收入, 开发区, 政策诉求; farm output as other output:
    # 枸杞种植面积20万亩, 粮食总产量4.5万吨 (not a project's, not freight), farmland (流转土地1280亩,
    # 种植柑橘近三千亩, 新建高标准农田3.2万亩); income that is no budget's (旅游收入41.7亿元, 门票收入,
    # 社员户均增收2.4万元); energy (光伏装机容量3.5万千瓦, 年发电量, 供电容量); bank credit (授信总额80亿元);
    # a hotel's occupancy (14家酒店平均入住率九成二) as a tourism measure
    "other": "生产总值 GDP 增加值 总产值 产值 工业总产值 总收入 可支配收入 人均 开发区 第一产业 第二产业 第三产业 "
    "政策 政策诉求 行程 展会 参展面积 种植面积 播种面积 产量 总产量 流转 种植 农田 旅游收入 门票收入 户均 "
    "装机 装机容量 发电量 供电 授信 入住率",
}
# Keywords read only before the number: after it, 签约 is an event of the counted thing (16家企业集中签约)
LEFT_ONLY = frozenset({"开工", "协议", "占地", "签约"})

KEYWORD_CATEGORY = {word: cat for cat, words in CATEGORY_WORDS.items() for word in words.split()}
# Aid funds named after their recipient's one-character abbreviation: 援疆资金, 援藏资金, 援喀资金,
# or with the recipient inside: 厦门市帮扶固原市资金1.35亿元. Patterns, not words, because every
# recipient county has its own (援博资金 for 博乐).
AID_FUND = ("援[\u4e00-\u9fff]资金", "public_finance")
AID_FUND_TO = "帮扶[\u4e00-\u9fff]{2,6}?资金"
_BY_LENGTH = sorted([*((re.escape(w), len(w)) for w in KEYWORD_CATEGORY), (AID_FUND[0], 4), (AID_FUND_TO, 6)],
                    key=lambda p: -p[1])
KEYWORDS = re.compile("|".join(pattern for pattern, _ in _BY_LENGTH))
# The same, spelled backwards: searching the reversed text finds the keyword ending nearest the number,
# the longest one there (无偿援助资金 is 援助资金, not 资金), which a forward scan cannot (matches don't overlap)


def _trie(words: list[str]) -> str:
    """Alternatives matching the longest of words at a position, as a trie: 额资投|资投 -> 资投(?:额)?
    written 额资投|资投(?:额)? per first character. Each alternative opens with a literal, so the
    engine still jumps to the first characters; at one it follows one path instead of trying every
    word (a third of the cost of nearest_keyword on the metric phrases)."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def rest(node: dict) -> str:
        longer = [re.escape(char) + rest(child) for char, child in node.items() if char]
        if not longer:
            return ""
        group = "(?:" + "|".join(longer) + ")"
        return group + "?" if "" in node else group  # longer first: greedy, then the word ending here

    return "|".join(re.escape(char) + rest(child) for char, child in root.items())


# Longer than four characters first, then the aid-fund patterns, then the rest: as the plain
# alternation of these words, longest first, matched before
KEYWORDS_REVERSED = re.compile(
    _trie([w[::-1] for w in KEYWORD_CATEGORY if len(w) > 4]) + "|金资[\u4e00-\u9fff]援|金资[\u4e00-\u9fff]{2,6}?扶帮|"
    + _trie([w[::-1] for w in KEYWORD_CATEGORY if len(w) <= 4]))


def keyword_category(word: str) -> str:
    """The category a matched keyword implies (援博资金 and 帮扶固原市资金, matched by the aid-fund
    patterns, are public finance)."""
    return KEYWORD_CATEGORY.get(word) or AID_FUND[1]

# When no keyword decides: the unit's usual subject (2000万平方米 capacity -> a project)
UNIT_CATEGORY = {
    "person": "people", "person_time": "people", "m2": "projects", "m3": "projects", "mu": "projects",
    "other:锭": "projects", "other:头": "projects", "other:千瓦": "projects", "other:兆瓦": "projects", "other:千伏安": "projects",
    "tonne": "logistics", "other:列": "logistics", "other:标箱": "logistics", "kwh": "other",
    "other:辆次": "logistics", "other:架次": "logistics", "other:艘次": "logistics",
    "km": "other", "count": "other", "CNY": "investment", "USD": "investment", "EUR": "investment",
    "HKD": "investment",
}
# The noun after a count ends at these words: 360家东部企业|在贫困地区投资, 9家中央单位|购销农产品,
# 2300户小微企业|减免租金, 14家酒店|平均入住率 (a statistic over the counted things)
RIGHT_CUT = re.compile(r"[，,；;。：:、（(]|在|于|的|向|到|对|从|购销|采购|签约|集中|共|已|将|减免|平均")
# Filler at the head of a metric phrase: 其中, 全年共, 累计完成 keep 累计完成 but drop 其中/共
# and the period a clause opens with is when, not what: 今年一季度, 2023年1-10月, 前三季度; nor is the
# park or body it opens with (片区完成外贸进出口额, 开发区累计注册企业, 该市新增就业)
METRIC_TRIM = re.compile(
    r"^(?:其中|此外|同时|另有|共计|共有|共|合计|全年|全市|全县|全省|全区|实现|已|达到|达"
    r"|片区|园区|开发区|经开区|高新区|合作区|综保区|自贸区|该区|该市|该县|该州|该关"
    r"|(?:19|20)\d{2}年(?:度)?|今年|去年|上年|本年|[上下]半年|前?[一二三四]季度|前三季度"
    r"|\d{1,2}[-—~至]\d{1,2}月(?:份)?|\d{1,2}月(?:份|底|末|初|上旬|中旬|下旬)?(?:前|以来)?|年初以来|以来|的|[，,、\s])+"
)
# ... but the 达 of 通达 (可通达19个国家) is the verb that says what is counted. 工业总产值完成812亿元,
# 种植面积稳定在20万亩: the verb before the number is no part of the metric
METRIC_TAIL = re.compile(r"(?:已达|达到|(?<!通)达|为|共|有|是|分别|合计|小计|的|完成|实现|稳定在|保持在)+$")
