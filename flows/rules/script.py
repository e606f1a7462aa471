"""Character-level rules of normalisation: width folding, converter debris, mojibake signs.

Each constant says what it matches. The traditional/simplified tables themselves come from OpenCC
(see flows.parse.normalize); only what OpenCC does not know is written here.
"""

from __future__ import annotations

import re

CJK = "\u4e00-\u9fff\u3400-\u4dbf"  # unified ideographs + extension A

# Full-width forms folded to ASCII so numbers and labels match one way: "１２３％" -> "123%",
# "来源：" -> "来源:", "（记者）" -> "(记者)". Chinese quotes “”, 、 and 。 are kept: they carry
# sentence structure the figure extractor uses. U+3000 and NBSP become plain spaces.
# Punctuation is replaced one str.replace at a time: str.translate with a dict costs ~70 ns a
# character (0.17 ms an article), a replace of an absent character almost nothing.
PUNCT_FOLD = (("％", "%"), ("，", ","), ("：", ":"), ("；", ";"), ("（", "("), ("）", ")"), ("．", "."),
              ("＋", "+"), ("－", "-"), ("／", "/"), ("\u3000", " "), ("\xa0", " "), ("\u200b", ""),
              ("\ufeff", ""), ("\r", ""))
FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")  # "２０２４", "ＧＤＰ"
ALNUM_FOLD = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)}
                           | {chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}
                           | {chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})

# Pinyin a converter glued after each character, with at least one tone mark so real parentheses
# survive: "當(dāng)好" -> "當好", "中欧(zhōngōu)班列" -> "中欧班列"; not "(0106168)", "(黑龍江)",
# "(记者 邵晶巖)", "(AGV)". The last alternative takes a debris cut off at the end of the text: "(fāzh".
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_DEBRIS = re.compile(rf"\((?=[A-Za-zü]*[{_TONED}])[A-Za-zü{_TONED}]{{1,30}}(?:\)|$)")

# A character lost with its own pinyin left as "?<pinyin>)", often chained: "云南日?qǐng)?bào)" for
# "云南日报(bào)". Chains are garbage (see MOJIBAKE_STRONG); the few whose last pinyin and the
# character before them name the lost word for sure are repaired: (previous char, pinyin) -> char.
LOST_CHAR_CHAIN = re.compile(rf"\?[a-zü{_TONED}]{{1,8}}\)(?:\|?\?[a-zü{_TONED}]{{1,8}}\))*")
LOST_CHAR_REPAIRS = {("日", "bào"): "报", ("晚", "bào"): "报", ("商", "bào"): "报"}

# Commas a converter doubled before other punctuation: "获悉,,近年来" -> "获悉,近年来",
# "天津市,、山东省" -> "天津市、山东省", "攻坚,。" -> "攻坚。".
STRAY_COMMA = re.compile(r",(?=[,、。])")

# Spaces between two CJK characters left by line wrapping or letter-spaced headings:
# "同期增 长" -> "同期增长", "衡 水 市" -> "衡水市". Names after "记者" lose their space too,
# which is why metadata reads the lines before this step.
# The character before is checked in code: a lookbehind first would make the engine try every
# position instead of jumping to spaces. " [ ]*", not " +": only a literal first character gives the
# engine a prefix to skip to (11 -> 0.7 us a page); the two match the same runs.
CJK_SPACES = re.compile(rf" [ ]*(?=[{CJK}])")

# Where GBK/UTF-8 mojibake starts. Strong signs are garbage on their own: U+FFFD, a lost-character
# chain ("要?jiǎng)?chuàn" for "要创新"), a tag that lost
# its "<" ("?!?/p>" for "。”</p>"). Weak signs need garbage around them (see MOJIBAKE_RARE_MIN):
# "?" glued to CJK or pinyin-like letters ("?缇衬茉淳C合利用", "驶?cè)氚l展"), an ASCII letter, bopomofo or Greek letter between CJK
# characters ("蔽靼矅H港"), private-use code points.
# Three strong patterns, each opening with a literal the engine jumps to (a set of first characters
# would be tested at every position); an anchor inside another's span is dropped by garbled_spans.
MOJIBAKE_STRONG = (re.compile("\ufffd"), re.compile(rf"\?(?:[a-zü{_TONED}]{{1,8}}\)|[!;]?\?/?[a-z]{{1,4}}>)"),
                   re.compile(r"/p>(?<![<\w]/p>)"))
# Two patterns, not one alternation: each then starts with a character set the engine scans fast
# (the second tells a private-use character from a letter by looking back at what it matched).
MOJIBAKE_WEAK = (re.compile(rf"\?[!;]?(?=[{CJK}a-z])"),
                 re.compile(rf"[A-Za-z\u0370-\u03ff\u3100-\u312f\ue000-\uf8ff]"
                            rf"(?:(?<=[\ue000-\uf8ff])|(?<=[{CJK}].)(?=[{CJK}]))"))
# A weak sign counts when at least this many odd characters (rare CJK outside GB2312 level 1, stray Latin,
# Greek, bopomofo, "?") follow within MOJIBAKE_WINDOW characters. Place names alone have one or two
# rare characters (勐腊, 儋州), never glued to a "?".
MOJIBAKE_RARE_MIN = 3
MOJIBAKE_WINDOW = 8
# A garbled span ends after this many ordinary characters in a row: "?缇衬茉淳C|合利用".
MOJIBAKE_GAP = 4
