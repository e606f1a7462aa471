"""Words around a number that qualify it (约 近 余 以上) or make it a change (增长 下降 高出).

预计 is deliberately absent: it says the figure is a forecast, not that the number is rounded.
"""

from __future__ import annotations

import re

# Right before the number, longest first in each group: 约486亿元, 近千条, 超过90%, 不低于60万头
QUALIFIER_BEFORE = (
    ("approx", ("大约", "大概", "约")),
    ("under", ("将近", "接近", "不到", "不足", "未满", "少于", "近")),
    ("over", ("超过", "不少于", "不低于", "多于", "突破", "超", "逾")),
)
# Characters that make the qualifier part of another word: 签约28个, 节约, 合约; 最近, 附近, 临近; 赶超
QUALIFIER_FALSE_STARTS = ("签", "节", "制", "合", "契", "公", "条", "预", "邀", "履", "违", "特", "最", "附", "临", "赶")
# Right after the unit: 3.5万人左右, 10亿元以上, 5000人以下
QUALIFIER_AFTER = (
    ("approx", ("左右", "上下")),
    ("over", ("以上", "之多")),
    ("under", ("以下", "以内")),
)
# After a multiple's 倍: 3倍多, 2倍余 (elsewhere 余/多 sit before the unit: 800余万元, 5万多公里)
MULTIPLE_OVER = frozenset("多余")

# The clause before the number ends in a change verb: 同比增长370.2%, 减少一成九, 增长超过20%,
# 较2020年增长12.35亿元, 增速为8%, 社员户均增收2.4万元 (income gained); but 新增就业 is a level and
# 增加到3.5万人 / 增至8家 reach a level.
# The change words 增长 增加 增收 减收 下降 下跌 跌 跌幅 上涨 涨幅 减少 提高 提升 降低 回落 上升 下滑 增长率 增幅 增速 降幅 拉动 净增 增
# (not 新增) 降 减, grouped by their first character: every alternative opens with a literal, so the
# engine jumps between those characters instead of trying ~25 words at each position.
_CHANGE_TAIL = r"(?:了)?(?:为|达)?(?:约|大约|超过|超|近|逾|将近)?$"
_COMPARED = r"[^\d，,。；;]{0,8}$"
CHANGE_BEFORE = re.compile(
    "|".join(f"{words}{_CHANGE_TAIL}" for words in (
        "增(?:长率?|加|幅|速|收|(?<!新增))", "下(?:降|滑|跌)", "跌(?:幅)?", "上涨", "涨幅", "减(?:少|收)?", "提(?:高|升)", "(?<!起)降(?:低|幅)?", "回落", "上升",
        "拉动", "净增"))
    # a comparison with its object: 超出历史最高值6.6%, 快于全部投资5.1个百分点, 低于全省2个百分点
    # (低于 needs its object: 失业率低于5% is a level; 不低于 is a qualifier)
    + "|" + "|".join(f"{word}{_COMPARED}" for word in ("高出", "超出", "快于", "慢于", "多出"))
    + r"|(?<!不)低于[^\d，,。；;]{1,8}$"
    # a comparison written 比X高/低/多/少: 比上年低0.3个百分点, 比去年同期多5家 (not 比例, 比重, 比较)
    + r"|比(?![例重率值较])[^\d，,。；;]{1,10}[高低多少快慢](?:了)?$"
    # 新增 against a base is a change amount: 比去年底新增213家, 较上年新增 (新增企业30家 alone is a level)
    + r"|[比较](?![例重率值较])[^\d，,。；;]{1,10}新增(?:了)?$"
    # a cut with its object between verb and number: 减少公路运输车辆约40万辆次, 降低企业成本3亿元
    + r"|(?:减少|降低)[^\d，,。；;、]{1,8}(?:约|大约|超过|超|近|逾|将近)?$"
)
# A change word that says the quantity fell makes the figure negative (ANNOTATION.md, change):
# 下降5% -> -5, 减少12户 -> -12, 增速回落0.3个百分点 -> -0.3, 慢于/低于全省2个百分点 -> -2,
# 比上年少5家 -> -5. Tested on the text CHANGE_BEFORE matched (it starts with the word); 负增长 by
# the 负 before its 增长. A written minus is negative whatever the word (下降-3% -> -3).
DECLINE = re.compile(r"下|减|降|跌|回落|慢于|低于|比.*[低少慢](?:了)?$")  # 跌: 按年下跌8% (Hong Kong usage)
NEGATIVE_BEFORE = "负"  # 负增长3%
MINUS = frozenset("-\u2212")  # -5%, 利润-3.5亿元 (U+2212 is the typographic minus)
# A percentage that is itself a growth rate: 比全国百分之六点二和全省百分之八点一的增长率
# (also the first of a pair: 百分之六点二和...百分之八点一的增长率)
CHANGE_AFTER = re.compile(r"(?:[和与及、][^，,。；;]{0,12}?)?的?(?:增长率|增速|增幅)")
